import type { Kafka, Producer, ProducerBatch, RecordMetadata, Transaction } from 'kafkajs';
import { partitionOfKey } from './key-partition';
import { sendParts, sendingPerPartition, splitByPartition } from './per-partition-sends';

const answer = (topicName: string, partition: number): RecordMetadata => ({
  topicName,
  partition,
  errorCode: 0,
  baseOffset: '0',
});

describe('splitByPartition', () => {
  it('given keyed, explicit and unkeyed records, when split, then each part is one topic-partition in the given order', async () => {
    const asked: string[] = [];
    const counts = (topic: string) => {
      asked.push(topic);
      return Promise.resolve(topic === 'events' ? 6 : 3);
    };
    const keys = ['order-a', 'order-b', 'order-c', 'order-d', 'order-a'];
    const parts = await splitByPartition(
      [
        { topic: 'events', messages: keys.map((key, i) => ({ key, value: `e${i}` })) },
        { topic: 'state', messages: [{ key: 'order-a', value: 's0', partition: 2 }] },
        { topic: 'dlq', messages: [{ key: null, value: 'd0' }] },
      ],
      counts,
    );
    for (const part of parts) {
      for (const message of part.messages) expect(message.partition).toBe(part.partition);
    }
    const events = parts.filter((p) => p.topic === 'events');
    for (const part of events) {
      for (const message of part.messages) {
        expect(partitionOfKey(message.key as string, 6)).toBe(part.partition);
      }
    }
    const aPart = events.find((p) => p.partition === partitionOfKey('order-a', 6))!;
    expect(aPart.messages.filter((m) => m.key === 'order-a').map((m) => m.value)).toEqual([
      'e0',
      'e4',
    ]);
    expect(events.flatMap((p) => p.messages)).toHaveLength(5);
    expect(parts.find((p) => p.topic === 'state')).toMatchObject({ partition: 2 });
    const dlq = parts.find((p) => p.topic === 'dlq')!;
    expect(dlq.partition).toBeGreaterThanOrEqual(0);
    expect(dlq.partition).toBeLessThan(3);
    // The explicit partition needs no count.
    expect(asked).not.toContain('state');
  });
});

describe('sendParts', () => {
  it('given one part fails fast and another is still in flight, when sent, then it rejects only after both settled', async () => {
    let finishSlow: () => void = () => undefined;
    const slowDone = new Promise<void>((resolve) => (finishSlow = resolve));
    let slowSettled = false;
    const sent = sendParts(
      [
        { topic: 't', partition: 0, messages: [] },
        { topic: 't', partition: 1, messages: [] },
      ],
      async (part) => {
        if (part.partition === 0) throw new Error('CONCURRENT_TRANSACTIONS');
        await slowDone;
        slowSettled = true;
        return [answer('t', 1)];
      },
    );
    let rejectedEarly = false;
    sent.catch(() => (rejectedEarly = !slowSettled));
    await new Promise((resolve) => setImmediate(resolve));
    finishSlow();
    await expect(sent).rejects.toThrow('CONCURRENT_TRANSACTIONS');
    expect(rejectedEarly).toBe(false);
  });

  it('given every part succeeds, when sent, then it resolves with every answer', async () => {
    const answers = await sendParts(
      [
        { topic: 't', partition: 0, messages: [] },
        { topic: 'u', partition: 4, messages: [] },
      ],
      (part) => Promise.resolve([answer(part.topic, part.partition)]),
    );
    expect(answers.map((a) => `${a.topicName}:${a.partition}`)).toEqual(['t:0', 'u:4']);
  });
});

describe('sendingPerPartition', () => {
  /** A stand-in producer that records every request it is asked to send. */
  function recordingProducer() {
    const requests: ProducerBatch[] = [];
    const sendBatch = (batch: ProducerBatch) => {
      requests.push(batch);
      const { topic, messages } = batch.topicMessages![0]!;
      return Promise.resolve([answer(topic, messages[0]!.partition!)]);
    };
    const transaction = {
      sendBatch,
      send: () => Promise.reject(new Error('not used')),
      sendOffsets: () => Promise.resolve(),
      commit: () => Promise.resolve(),
      abort: () => Promise.resolve(),
      isActive: () => true,
    } as unknown as Transaction;
    const producer = {
      sendBatch,
      send: () => Promise.reject(new Error('not used')),
      transaction: () => Promise.resolve(transaction),
      isIdempotent: () => true,
    } as unknown as Producer;
    const admin = {
      connect: () => Promise.resolve(),
      disconnect: () => Promise.resolve(),
      fetchTopicMetadata: ({ topics }: { topics: string[] }) =>
        Promise.resolve({
          topics: topics.map((name) => ({
            name,
            partitions: [0, 1, 2, 3].map((partitionId) => ({ partitionId })),
          })),
        }),
    };
    const kafka = { admin: () => admin } as unknown as Kafka;
    return { requests, producer: sendingPerPartition(producer, kafka) };
  }

  it('given a send to many keys, when sent outside or inside a transaction, then every request names one topic-partition', async () => {
    const { requests, producer } = recordingProducer();
    const messages = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((key) => ({ key, value: key }));
    const answers = await producer.send({ topic: 'raw', acks: -1, messages });
    const transaction = await producer.transaction();
    await transaction.sendBatch({ topicMessages: [{ topic: 'events', messages }] });
    const partitions = new Set(messages.map((m) => partitionOfKey(m.key, 4)));
    expect(partitions.size).toBeGreaterThan(1);
    expect(answers).toHaveLength(partitions.size);
    expect(requests).toHaveLength(partitions.size * 2);
    for (const request of requests) {
      expect(request.topicMessages).toHaveLength(1);
      const placed = new Set(request.topicMessages![0]!.messages.map((m) => m.partition));
      expect(placed.size).toBe(1);
    }
    expect(requests[0]).toMatchObject({ acks: -1 });
    expect(transaction.isActive()).toBe(true);
  });
});
