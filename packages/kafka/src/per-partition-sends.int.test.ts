import { createTestContext, type TestContext } from '@clawback/test-harness';
import { partitionOfKey } from './key-partition';
import { sendingPerPartition } from './per-partition-sends';
import {
  createIdempotentProducer,
  createTransactionalProducer,
  initTransactions,
} from './producers';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ topics: ['lifecycleEvents', 'lifecycleState'], partitions: 3 });
});
afterEach(() => ctx.dispose());

const keys = Array.from({ length: 30 }, (_, i) => `order-${i}`);

// The fallback for a kafkajs loaded before send-per-broker-install.ts: the split on its own.
describe('sends split by topic-partition (real broker)', () => {
  it('given one transaction writing keyed records to every partition of two topics, when committed, then read_committed finds each record once, where its key belongs', async () => {
    const transactionalId = `${ctx.transactionalIdPrefix}-split`;
    const producer = ctx.track(
      sendingPerPartition(
        createTransactionalProducer(ctx.kafka, { transactionalId }),
        ctx.kafka,
        transactionalId,
      ),
    );
    await producer.connect();
    await initTransactions(producer);
    const { lifecycleEvents: events, lifecycleState: state } = ctx.topics;
    const transaction = await producer.transaction();
    const answers = await transaction.sendBatch({
      topicMessages: [
        { topic: events, messages: keys.map((key) => ({ key, value: `event-${key}` })) },
        { topic: state, messages: [{ key: 'order-0', value: 'state-0', partition: 1 }] },
      ],
    });
    await transaction.commit();

    expect(answers.map((a) => `${a.topicName}:${a.partition}`).sort()).toEqual(
      [...new Set(keys.map((key) => `${events}:${partitionOfKey(key, 3)}`)), `${state}:1`].sort(),
    );
    const read = await ctx.readAll(events, { expected: keys.length, timeoutMs: 30_000 });
    expect(read.map((r) => r.value!.toString()).sort()).toEqual(
      keys.map((k) => `event-${k}`).sort(),
    );
    for (const record of read) {
      expect(record.partition).toBe(partitionOfKey(record.key!, 3));
    }
    const stateRead = await ctx.readAll(state, { expected: 1, timeoutMs: 30_000 });
    expect(stateRead.map((r) => [r.partition, r.value!.toString()])).toEqual([[1, 'state-0']]);
  });

  it('given the idempotent producer, when one send spans every partition, then each record is stored once, where its key belongs', async () => {
    const producer = ctx.track(sendingPerPartition(createIdempotentProducer(ctx.kafka), ctx.kafka));
    await producer.connect();
    const topic = ctx.topics.lifecycleEvents;
    await producer.send({ topic, acks: -1, messages: keys.map((key) => ({ key, value: key })) });
    const read = await ctx.readAll(topic, { timeoutMs: 30_000 });
    expect(read.map((r) => r.key!.toString()).sort()).toEqual([...keys].sort());
    for (const record of read) expect(record.partition).toBe(partitionOfKey(record.key!, 3));
  });
});
