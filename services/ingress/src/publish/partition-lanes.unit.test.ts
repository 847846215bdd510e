import { partitionOfKey, type Message } from '@clawback/kafka';
import { PartitionLanes } from './partition-lanes';

interface Sent {
  readonly lane: number;
  readonly messages: readonly Message[];
}

/** Producers that record each send and acknowledge it when told to. */
function recordingProducers(count: number) {
  const sent: Sent[] = [];
  const pending: (() => void)[] = [];
  const producers = Array.from({ length: count }, (_, lane) => ({
    send: (record: { messages: Message[] }) =>
      new Promise<never[]>((resolve) => {
        sent.push({ lane, messages: record.messages });
        pending.push(() => resolve([]));
      }),
  }));
  const ackAll = () => pending.splice(0).forEach((ack) => ack());
  return { producers, sent, ackAll };
}

const keys = Array.from({ length: 60 }, (_, i) => `2checkout:m-1:${1000 + i}`);

describe('PartitionLanes', () => {
  it('places each record on its key partition, in the lane that owns that partition', async () => {
    const { producers, sent, ackAll } = recordingProducers(4);
    const lanes = new PartitionLanes(producers, 'raw', () => Promise.resolve(12));
    const acked = Promise.all(keys.map((key) => lanes.send({ key, value: key })));
    await new Promise(setImmediate);
    ackAll();
    await new Promise(setImmediate);
    ackAll();
    await acked;
    const placed = sent.flatMap(({ lane, messages }) => messages.map((m) => ({ lane, m })));
    expect(placed).toHaveLength(keys.length);
    for (const { lane, m } of placed) {
      expect(m.partition).toBe(partitionOfKey(m.key as string, 12));
      expect(m.partition! % 4).toBe(lane);
    }
  });

  it('gives every lane its own request in flight: one slow lane does not hold the others', async () => {
    const { producers, sent } = recordingProducers(12);
    const lanes = new PartitionLanes(producers, 'raw', () => Promise.resolve(12));
    for (const key of keys) void lanes.send({ key, value: key });
    await new Promise(setImmediate);
    // Nothing acknowledged yet, and still every lane that has records has a request out.
    const lanesUsed = new Set(keys.map((key) => partitionOfKey(key, 12)));
    expect(new Set(sent.map((s) => s.lane))).toEqual(lanesUsed);
    expect(sent).toHaveLength(lanesUsed.size);
  });

  it('rejects the send whose partition count could not be read, and places the next one', async () => {
    const { producers, ackAll } = recordingProducers(1);
    let reads = 0;
    const lanes = new PartitionLanes(producers, 'raw', () =>
      ++reads === 1 ? Promise.reject(new Error('brokers away')) : Promise.resolve(3),
    );
    await expect(lanes.send({ key: 'a', value: 'a' })).rejects.toThrow('brokers away');
    const second = lanes.send({ key: 'a', value: 'a' });
    await new Promise(setImmediate);
    ackAll();
    await second;
    expect(reads).toBe(2);
  });

  it('refuses to run without a producer', () => {
    expect(() => new PartitionLanes([], 'raw', () => Promise.resolve(1))).toThrow(RangeError);
  });
});
