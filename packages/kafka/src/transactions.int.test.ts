import { type TestContext, createTestContext, waitFor } from '@clawback/test-harness';
import { toKafkaError } from './kafka-error';
import { PartitionProducers } from './partition-producers';
import { createTransactionalProducer, initTransactions, transactionalIdFor } from './producers';

let ctx: TestContext;

beforeEach(async () => {
  ctx = await createTestContext({ topics: ['notificationsRaw', 'lifecycleEvents'] });
});

afterEach(() => ctx.dispose());

const values = (records: readonly { value: Buffer | null }[]) =>
  records.map((r) => r.value?.toString());

async function committedOffset(
  groupId: string,
  topic: string,
  partition: number,
): Promise<string | undefined> {
  const [offsets] = await ctx.admin.fetchOffsets({ groupId, topics: [topic] });
  return offsets?.partitions.find((p) => p.partition === partition)?.offset;
}

describe('Kafka transactions (real broker)', () => {
  it('consume-transform-produce commits outputs and input offsets together with sendOffsets', async () => {
    const input = ctx.topics.notificationsRaw;
    const output = ctx.topics.lifecycleEvents;
    const groupId = ctx.groupId('lifecycle');
    await ctx.produce(
      input,
      ['a', 'b', 'c'].map((value) => ({ key: 'order-1', value, partition: 0 })),
    );

    const producers = new PartitionProducers(ctx.kafka, ctx.transactionalIdPrefix);
    ctx.track({ disconnect: () => producers.closeAll() });
    const consumer = ctx.track(
      ctx.kafka.consumer({ groupId, readUncommitted: false, allowAutoTopicCreation: false }),
    );
    await consumer.connect();
    await consumer.subscribe({ topic: input, fromBeginning: true });
    await consumer.run({
      // The offsets move only inside the transactions (sendOffsets).
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const producer = await producers.forPartition(batch.topic, batch.partition);
        const transaction = await producer.transaction();
        await transaction.send({
          topic: output,
          messages: batch.messages.map((m) => ({
            key: m.key,
            value: `derived-${m.value?.toString()}`,
          })),
        });
        const next = (BigInt(batch.lastOffset()) + 1n).toString();
        await transaction.sendOffsets({
          consumerGroupId: groupId,
          topics: [
            { topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] },
          ],
        });
        await transaction.commit();
      },
    });

    const records = await ctx.readAll(output, { expected: 3, timeoutMs: 30000 });
    expect(values(records)).toEqual(['derived-a', 'derived-b', 'derived-c']);
    await waitFor(async () => (await committedOffset(groupId, input, 0)) === '3', {
      timeoutMs: 30000,
      description: 'the group offset of partition 0 to reach 3',
    });
  });

  it('read_committed readers see a committed batch and never an aborted one', async () => {
    const output = ctx.topics.lifecycleEvents;
    const input = ctx.topics.notificationsRaw;
    const groupId = ctx.groupId('aborts');
    const producer = ctx.track(
      createTransactionalProducer(ctx.kafka, {
        transactionalId: transactionalIdFor(ctx.transactionalIdPrefix, input, 0),
      }),
    );
    await producer.connect();
    const runTransaction = async (value: string, offset: string, outcome: 'commit' | 'abort') => {
      const transaction = await producer.transaction();
      await transaction.send({
        topic: output,
        messages: [{ key: 'order-1', value, partition: 0 }],
      });
      await transaction.sendOffsets({
        consumerGroupId: groupId,
        topics: [{ topic: input, partitions: [{ partition: 0, offset }] }],
      });
      await (outcome === 'commit' ? transaction.commit() : transaction.abort());
    };

    await runTransaction('committed-1', '1', 'commit');
    await runTransaction('aborted', '2', 'abort');
    await runTransaction('committed-2', '3', 'commit');

    // One partition, so once committed-2 is read, anything before it has been read too.
    const records = await ctx.readAll(output, {
      until: (read) => values(read).includes('committed-2'),
      timeoutMs: 30000,
    });
    expect(values(records)).toEqual(['committed-1', 'committed-2']);
    await waitFor(async () => (await committedOffset(groupId, input, 0)) === '3', {
      timeoutMs: 30000,
      description: 'the group offset to include the last committed transaction',
    });
  });

  it('fences a zombie: initialising the same transactional id aborts the older producer', async () => {
    const output = ctx.topics.lifecycleEvents;
    const transactionalId = transactionalIdFor(
      ctx.transactionalIdPrefix,
      ctx.topics.notificationsRaw,
      0,
    );
    const zombie = ctx.track(createTransactionalProducer(ctx.kafka, { transactionalId }));
    await zombie.connect();
    const zombieTransaction = await zombie.transaction();
    await zombieTransaction.send({
      topic: output,
      messages: [{ key: 'k', value: 'zombie', partition: 0 }],
    });

    const successor = ctx.track(createTransactionalProducer(ctx.kafka, { transactionalId }));
    await successor.connect();
    await initTransactions(successor);
    const error = await zombieTransaction.commit().then(
      () => undefined,
      (thrown: unknown) => toKafkaError(thrown, 'committing'),
    );
    expect(error?.code).toBe('kafka_producer_fenced');

    const transaction = await successor.transaction();
    await transaction.send({
      topic: output,
      messages: [{ key: 'k', value: 'successor', partition: 0 }],
    });
    await transaction.commit();
    const records = await ctx.readAll(output, {
      until: (read) => values(read).includes('successor'),
      timeoutMs: 30000,
    });
    expect(values(records)).toEqual(['successor']);
  });
});
