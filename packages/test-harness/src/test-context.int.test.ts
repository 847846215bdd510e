import { createTransactionalProducer, topicKeys, transactionalIdFor } from '@clawback/kafka';
import { createTestContext, type TestContext } from './test-context';
import { WaitTimeoutError } from './wait-for';

let ctx: TestContext;

beforeEach(async () => {
  ctx = await createTestContext();
});

afterEach(() => ctx.dispose());

const values = (records: readonly { value: Buffer | null }[]) =>
  records.map((r) => r.value?.toString());

describe('test context (real broker)', () => {
  it('creates every catalogue topic under its own prefix and deletes them on dispose', async () => {
    const local = await createTestContext({ topics: ['lifecycleState'], partitions: 2 });
    const names = await local.admin.listTopics();
    expect(names).toContain(local.topics.lifecycleState);
    expect(names).not.toContain(local.topics.lifecycleEvents);
    expect(local.topics.lifecycleState.startsWith(`${local.id}.`)).toBe(true);
    expect(local.groupId('a')).not.toBe(ctx.groupId('a'));

    await local.dispose();
    expect(await ctx.admin.listTopics()).not.toContain(local.topics.lifecycleState);
    const all = await ctx.admin.listTopics();
    for (const key of topicKeys) expect(all).toContain(ctx.topics[key]);
  });

  it('reads every partition to the end, stopping even when the log ends with an aborted transaction', async () => {
    const topic = ctx.topics.lifecycleEvents;
    await ctx.produce(topic, [
      { key: 'a', value: 'p0-1', partition: 0 },
      { key: 'b', value: 'p1-1', partition: 1 },
      { key: 'a', value: 'p0-2', partition: 0 },
    ]);
    const producer = ctx.track(
      createTransactionalProducer(ctx.kafka, {
        transactionalId: transactionalIdFor(ctx.transactionalIdPrefix, topic, 0),
      }),
    );
    await producer.connect();
    const transaction = await producer.transaction();
    await transaction.send({ topic, messages: [{ key: 'c', value: 'aborted', partition: 2 }] });
    await transaction.abort();

    const records = await ctx.readAll(topic, { timeoutMs: 30000 });
    expect(values(records)).toEqual(['p0-1', 'p0-2', 'p1-1']);
    expect(records.map((r) => r.partition)).toEqual([0, 0, 1]);
  });

  it('fails with a clear error when the expected records never come', async () => {
    await ctx.produce(ctx.topics.cancellations, [{ key: 'x', value: 'only one' }]);
    const reading = ctx.readAll(ctx.topics.cancellations, { expected: 2, timeoutMs: 3000 });
    await expect(reading).rejects.toThrow(WaitTimeoutError);
    await expect(reading).rejects.toThrow(/2 records on .*subscriptions\.cancellations \(read 1\)/);
  });
});
