import {
  createTransactionalProducer,
  initTransactions,
  transactionalIdFor,
  type KafkaMessage,
} from '@clawback/kafka';
import { createLogger } from '@clawback/logging';
import { createTestContext, waitFor, type TestContext } from '@clawback/test-harness';
import { commitTransaction } from './commit-transaction';
import { committedPosition, committedPositions } from './committed-position';
import { isExactlyOnceError } from './exactly-once-error';
import { createPartitionTaskConsumer, type PartitionTask } from './partition-task-consumer';
import { assertCoPartitioned } from './partition-counts';
import { readPartitionRange } from './read-partition-range';

jest.setTimeout(120_000);

const logger = createLogger({ service: 'exactly-once-test', level: 'silent' });
let ctx: TestContext;

beforeEach(async () => {
  ctx = await createTestContext({
    topics: ['lifecycleEvents', 'commissionState', 'cancellations'],
    partitions: 2,
  });
});
afterEach(() => ctx.dispose());

async function transactionalProducer(partition: number) {
  const producer = ctx.track(
    createTransactionalProducer(ctx.kafka, {
      transactionalId: transactionalIdFor(
        ctx.transactionalIdPrefix,
        ctx.topics.lifecycleEvents,
        partition,
      ),
    }),
  );
  await producer.connect();
  await initTransactions(producer);
  return producer;
}

const text = (records: readonly { value: Buffer | null }[]) =>
  records.map((r) => r.value?.toString());

describe('commitTransaction (real broker)', () => {
  it('makes the outputs and the consumed offset visible together', async () => {
    const groupId = ctx.groupId('eos');
    const producer = await transactionalProducer(0);
    await commitTransaction(producer, {
      topicMessages: [{ topic: ctx.topics.cancellations, messages: [{ key: 'a', value: 'out' }] }],
      consumedOffset: {
        consumerGroupId: groupId,
        topic: ctx.topics.lifecycleEvents,
        partition: 0,
        nextOffset: '5',
        metadata: 'm1',
      },
    });
    const records = await ctx.readAll(ctx.topics.cancellations, { timeoutMs: 30_000 });
    expect(text(records)).toEqual(['out']);
    // The offsets reach the coordinator's cache a moment after the commit (see below).
    await waitFor(
      async () =>
        (await committedPosition(ctx.admin, groupId, ctx.topics.lifecycleEvents, 0)).committed,
      { timeoutMs: 10_000, description: 'the committed offset of partition 0' },
    );
    expect(await committedPosition(ctx.admin, groupId, ctx.topics.lifecycleEvents, 0)).toEqual({
      nextOffset: '5',
      metadata: 'm1',
      committed: true,
    });
    expect(await committedPosition(ctx.admin, groupId, ctx.topics.lifecycleEvents, 1, '3')).toEqual(
      { nextOffset: '3', metadata: null, committed: false },
    );
  });

  it("reads every partition's position at once", async () => {
    const groupId = ctx.groupId('eos');
    const producer = await transactionalProducer(1);
    await commitTransaction(producer, {
      topicMessages: [],
      consumedOffset: {
        consumerGroupId: groupId,
        topic: ctx.topics.lifecycleEvents,
        partition: 1,
        nextOffset: '7',
        metadata: 'm7',
      },
    });
    // A committed transaction's offsets reach the group coordinator's cache a moment after the
    // commit returns (the broker applies them when it writes the commit marker, and kafkajs
    // has no `require_stable` fetch): wait for them instead of reading once.
    let positions = await committedPositions(ctx.admin, groupId, ctx.topics.lifecycleEvents);
    await waitFor(
      async () => {
        positions = await committedPositions(ctx.admin, groupId, ctx.topics.lifecycleEvents);
        return positions.get(1)?.committed === true;
      },
      { timeoutMs: 10_000, description: 'the committed offset of partition 1' },
    );
    expect([...positions].sort(([a], [b]) => a - b)).toEqual([
      [0, { nextOffset: '0', metadata: null, committed: false }],
      [1, { nextOffset: '7', metadata: 'm7', committed: true }],
    ]);
  });

  it('given a newer owner of the transactional id, then the old one is fenced and writes nothing', async () => {
    const groupId = ctx.groupId('eos');
    const zombie = await transactionalProducer(1);
    await transactionalProducer(1);
    const error: unknown = await commitTransaction(zombie, {
      topicMessages: [{ topic: ctx.topics.cancellations, messages: [{ value: 'zombie' }] }],
      consumedOffset: {
        consumerGroupId: groupId,
        topic: ctx.topics.lifecycleEvents,
        partition: 1,
        nextOffset: '9',
      },
    }).catch((e: unknown) => e);
    expect(isExactlyOnceError(error, 'producer_fenced')).toBe(true);
    expect(await ctx.readAll(ctx.topics.cancellations, { timeoutMs: 30_000 })).toEqual([]);
    const position = await committedPosition(ctx.admin, groupId, ctx.topics.lifecycleEvents, 1);
    expect(position.committed).toBe(false);
  });
});

describe('readPartitionRange (real broker)', () => {
  it('reads the committed records of one partition to its end, past an aborted transaction', async () => {
    const topic = ctx.topics.commissionState;
    await ctx.produce(topic, [
      { key: 'a', value: 'p1-a', partition: 1 },
      { key: 'x', value: 'p0-x', partition: 0 },
      { key: 'b', value: 'p1-b', partition: 1 },
    ]);
    const producer = await transactionalProducer(0);
    const aborted = await producer.transaction();
    await aborted.send({ topic, messages: [{ key: 'c', value: 'aborted', partition: 1 }] });
    await aborted.abort();
    const [end] = (await ctx.admin.fetchTopicOffsets(topic)).filter((p) => p.partition === 1);
    const seen: string[] = [];
    await readPartitionRange(
      ctx.kafka,
      { topic, partition: 1, fromOffset: '0', toOffset: end!.high },
      {
        groupIdPrefix: ctx.groupId('read'),
        timeoutMs: 30_000,
        onMessages: (messages) => void seen.push(...messages.map((m) => m.value!.toString())),
      },
    );
    expect(seen).toEqual(['p1-a', 'p1-b']);
  });

  it('leaves no private group behind, and deletes the empty ones a killed reader left', async () => {
    const topic = ctx.topics.commissionState;
    await ctx.produce(topic, [{ key: 'a', value: 'v', partition: 0 }]);
    const prefix = ctx.groupId('catch-up');
    // What a process killed mid-read leaves: a group under the prefix with no members.
    const leftover = ctx.kafka.consumer({ groupId: `${prefix}-left-by-a-killed-process` });
    await leftover.connect();
    await leftover.subscribe({ topics: [topic], fromBeginning: true });
    await leftover.run({ eachMessage: () => Promise.resolve() });
    await waitFor(
      async () => {
        const { groups } = await ctx.admin.describeGroups([`${prefix}-left-by-a-killed-process`]);
        return groups[0]?.state === 'Stable';
      },
      { timeoutMs: 30_000, description: 'the leftover group to form' },
    );
    await leftover.disconnect();
    const groupsUnder = async () =>
      (await ctx.admin.listGroups()).groups
        .map((g) => g.groupId)
        .filter((id) => id.startsWith(`${prefix}-`));
    expect(await groupsUnder()).toEqual([`${prefix}-left-by-a-killed-process`]);

    await readPartitionRange(
      ctx.kafka,
      { topic, partition: 0, fromOffset: '0', toOffset: '1' },
      { groupIdPrefix: prefix, timeoutMs: 30_000, onMessages: () => undefined },
    );
    expect(await groupsUnder()).toEqual([]);
  });

  it('fails with partition_read_failed when the range cannot be reached in time', async () => {
    const reading = readPartitionRange(
      ctx.kafka,
      { topic: ctx.topics.commissionState, partition: 0, fromOffset: '0', toOffset: '10' },
      { groupIdPrefix: ctx.groupId('read'), timeoutMs: 2_000, onMessages: () => undefined },
    );
    await expect(reading).rejects.toMatchObject({ code: 'partition_read_failed' });
  });

  it('checks co-partitioning', async () => {
    await expect(
      assertCoPartitioned(ctx.admin, ctx.topics.lifecycleEvents, ctx.topics.commissionState),
    ).resolves.toBe(2);
  });
});

describe('createPartitionTaskConsumer (real broker)', () => {
  it('moves kafkajs back to a task that starts earlier than the committed offset', async () => {
    const topic = ctx.topics.lifecycleEvents;
    const groupId = ctx.groupId('tasks');
    await ctx.produce(
      topic,
      ['r0', 'r1', 'r2', 'r3'].map((value) => ({ key: value, value, partition: 0 })),
    );
    // The group committed 3 already, but the task rebuilds from 1 (like a wiped projection).
    await ctx.admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '3' }] });
    const seen: string[] = [];
    const consumer = createPartitionTaskConsumer({
      kafka: ctx.kafka,
      topic,
      groupId,
      sessionTimeoutMs: 6_000,
      openTask: (partition) => Promise.resolve(recordingTask(partition === 0 ? '1' : '0', seen)),
      logger,
      onFatal: () => undefined,
    });
    ctx.track({ disconnect: () => consumer.stop() });
    await consumer.start();
    await waitFor(() => seen.length >= 3, { timeoutMs: 60_000, description: 'records 1..3' });
    expect(seen).toEqual(['1:r1', '2:r2', '3:r3']);
  });

  it('stops at the stop offset: later records never reach the task', async () => {
    const topic = ctx.topics.lifecycleEvents;
    await ctx.produce(
      topic,
      ['r0', 'r1', 'r2', 'r3', 'r4'].map((value) => ({ key: value, value, partition: 0 })),
    );
    const seen: string[] = [];
    const positions: string[] = [];
    const consumer = createPartitionTaskConsumer({
      kafka: ctx.kafka,
      topic,
      groupId: ctx.groupId('stop'),
      sessionTimeoutMs: 6_000,
      openTask: () => Promise.resolve(recordingTask('0', seen)),
      logger,
      onFatal: () => undefined,
      onProgress: (partition, position) => void positions.push(`${partition}:${position}`),
      stopAt: { 0: '3', 1: '0' },
    });
    ctx.track({ disconnect: () => consumer.stop() });
    await consumer.start();
    await waitFor(() => positions.includes('0:3'), { timeoutMs: 60_000, description: 'p0 at 3' });
    expect(seen).toEqual(['0:r0', '1:r1', '2:r2']);
  });
});

describe('createPartitionTaskConsumer failures (real broker)', () => {
  it('given a batch fails with more batches fetched behind it, then the partition reopens and every record is processed once, in order', async () => {
    const topic = ctx.topics.lifecycleEvents;
    // One record batch per send, and a fetch of one batch at a time.
    for (let i = 0; i < 8; i++)
      await ctx.produce(topic, [{ key: `r${i}`, value: `r${i}`, partition: 0 }]);
    let committed = '0';
    let failOnce = true;
    let opened = 0;
    const seen: string[] = [];
    const committingTask = (): PartitionTask => ({
      get position() {
        return committed;
      },
      process: (messages: readonly KafkaMessage[]) => {
        if (failOnce && messages.some((m) => m.offset === '3')) {
          failOnce = false;
          return Promise.reject(new Error('transaction aborted'));
        }
        seen.push(...messages.map((m) => `${m.offset}:${m.value!.toString()}`));
        committed = (BigInt(messages[messages.length - 1]!.offset) + 1n).toString();
        return Promise.resolve();
      },
      close: () => Promise.resolve(),
    });
    const consumer = createPartitionTaskConsumer({
      kafka: ctx.kafka,
      topic,
      groupId: ctx.groupId('reopens'),
      sessionTimeoutMs: 10_000,
      maxBytesPerPartition: 64,
      openTask: () => (opened++, Promise.resolve(committingTask())),
      logger,
      onFatal: () => undefined,
    });
    ctx.track({ disconnect: () => consumer.stop() });
    await consumer.start();
    await waitFor(() => committed === '8', { timeoutMs: 60_000, description: 'all 8 records' });
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `${i}:r${i}`));
    expect(failOnce).toBe(false);
    expect(opened).toBe(2);
  });
});

/** A task that records what it processes and moves past it. */
function recordingTask(start: string, seen: string[]): PartitionTask {
  let position = start;
  return {
    get position() {
      return position;
    },
    process: (messages: readonly KafkaMessage[]) => {
      seen.push(...messages.map((m) => `${m.offset}:${m.value!.toString()}`));
      position = (BigInt(messages[messages.length - 1]!.offset) + 1n).toString();
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}
