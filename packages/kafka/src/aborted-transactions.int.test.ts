import { createTestContext, type TestContext } from '@clawback/test-harness';
import { createTransactionalProducer, initTransactions } from './producers';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ topics: ['commissionAdjustments'], partitions: 1 });
});
afterEach(() => ctx.dispose());

async function producer(name: string) {
  const created = ctx.track(
    createTransactionalProducer(ctx.kafka, {
      transactionalId: `${ctx.transactionalIdPrefix}-${name}`,
    }),
  );
  await created.connect();
  await initTransactions(created);
  return created;
}

describe('read_committed with interleaved aborted transactions (real broker)', () => {
  it('never hands aborted records to a consumer, from any start offset', async () => {
    const topic = ctx.topics.commissionAdjustments;
    const [one, two] = [await producer('one'), await producer('two')];
    await ctx.produce(topic, [{ value: 'plain-0' }]);
    const first = await one.transaction();
    const second = await two.transaction();
    await first.send({ topic, messages: [{ value: 'aborted-1a' }] });
    await second.send({ topic, messages: [{ value: 'aborted-2a' }] });
    await first.send({ topic, messages: [{ value: 'aborted-1b' }] });
    await second.send({ topic, messages: [{ value: 'aborted-2b' }] });
    await second.abort();
    await first.abort();
    await ctx.produce(topic, [{ value: 'plain-end' }]);

    for (const from of ['0', '2', '3']) {
      const consumer = ctx.track(
        ctx.kafka.consumer({ groupId: ctx.groupId(`from-${from}`), maxWaitTimeInMs: 100 }),
      );
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const seen: string[] = [];
      let end: () => void = () => undefined;
      const ended = new Promise<void>((resolve) => (end = resolve));
      await consumer.run({
        eachMessage: ({ message }) => {
          seen.push(message.value!.toString());
          if (message.value!.toString() === 'plain-end') end();
          return Promise.resolve();
        },
      });
      consumer.seek({ topic, partition: 0, offset: from });
      await ended;
      await consumer.disconnect();
      expect({ from, seen }).toEqual({
        from,
        seen: from === '0' ? ['plain-0', 'plain-end'] : ['plain-end'],
      });
    }
  });
});
