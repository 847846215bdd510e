import type { Consumer, EachBatchPayload } from '@clawback/kafka';
import { PartitionTask } from './partition-task';
import type { PartitionTaskDeps } from './partition-task-deps';
import { SerialLanes } from './serial-lanes';

/** A running consumer group member of the order lifecycle. */
export interface LifecycleConsumer {
  /** Joins the group and starts processing; resolves once running. */
  start(): Promise<void>;
  /** Stops fetching, lets the batch in flight commit or abort, leaves the group, closes tasks. */
  stop(): Promise<void>;
  /** Resolves at the first partition assignment. */
  readonly joined: Promise<void>;
}

/** What to do when kafkajs gives up on the consumer (it restarts by itself otherwise). */
export interface LifecycleConsumerHooks {
  readonly onFatal: (error: Error) => void;
}

/**
 * The consumer: `eachBatch` with `autoCommit` off and `read_committed`; one partition task per
 * input partition, opened at its first batch and closed at every rebalance (a task reopened
 * after a rebalance fences whoever held the partition meanwhile and re-reads everything from
 * committed data, so keeping nothing across generations is both simple and safe).
 */
export function createLifecycleConsumer(
  deps: PartitionTaskDeps,
  hooks: LifecycleConsumerHooks,
): LifecycleConsumer {
  const { settings, logger } = deps;
  const rawTopic = settings.topics.notificationsRaw;
  const consumer: Consumer = deps.kafka.consumer({
    groupId: settings.groupId,
    // read_committed: aborted notifications (none today) and open transactions stay unseen.
    readUncommitted: false,
    allowAutoTopicCreation: false,
    sessionTimeout: settings.sessionTimeoutMs,
    maxBytesPerPartition: settings.maxBatchBytes,
  });
  const tasks = new Map<number, PartitionTask>();
  const lanes = new SerialLanes();
  let markJoined: () => void = () => undefined;
  const joined = new Promise<void>((resolve) => (markJoined = resolve));

  const closeTask = (partition: number): Promise<void> =>
    lanes.run(partition, async () => {
      const task = tasks.get(partition);
      tasks.delete(partition);
      deps.metrics.parkedOrders.remove({ partition });
      deps.metrics.consumerLag.remove({ partition });
      await task?.close();
    });

  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    const assigned = payload.memberAssignment[rawTopic] ?? [];
    logger.info({ assigned, memberId: payload.memberId }, 'partitions assigned');
    for (const partition of [...tasks.keys()]) void closeTask(partition);
    markJoined();
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    logger.error({ err: payload.error, restart: payload.restart }, 'consumer crashed');
    if (!payload.restart) hooks.onFatal(payload.error);
  });

  const eachBatch = async (payload: EachBatchPayload): Promise<void> => {
    const { batch } = payload;
    const heartbeat = () => payload.heartbeat();
    if (!payload.isRunning() || payload.isStale()) return;
    const stopAt = settings.stopAt?.[batch.partition];
    const messages =
      stopAt === undefined
        ? batch.messages
        : batch.messages.filter((message) => BigInt(message.offset) < BigInt(stopAt));
    if (messages.length === 0 && stopAt !== undefined) {
      payload.pause();
      return;
    }
    await lanes.run(batch.partition, async () => {
      let task = tasks.get(batch.partition);
      if (!task) {
        task = await PartitionTask.open(deps, batch.partition, heartbeat);
        tasks.set(batch.partition, task);
      }
      try {
        await task.process(messages, heartbeat);
      } catch (error) {
        tasks.delete(batch.partition);
        await task.close();
        logger.warn({ err: error, partition: batch.partition }, 'batch failed; partition reopens');
        throw error;
      }
      const last = messages[messages.length - 1];
      if (last !== undefined && BigInt(task.position) > BigInt(last.offset) + 1n) {
        // Someone committed further than kafkajs fetched: skip ahead instead of re-reading.
        consumer.seek({ topic: rawTopic, partition: batch.partition, offset: task.position });
      } else if (last !== undefined) {
        payload.resolveOffset(last.offset);
      }
      if (stopAt !== undefined && BigInt(task.position) >= BigInt(stopAt)) payload.pause();
      const lag = BigInt(batch.highWatermark) - BigInt(task.position);
      deps.metrics.consumerLag.set({ partition: batch.partition }, Number(lag > 0n ? lag : 0n));
    });
    await heartbeat();
  };

  return {
    joined,
    async start() {
      await consumer.connect();
      await consumer.subscribe({ topics: [rawTopic], fromBeginning: true });
      await consumer.run({
        // Offsets are committed only inside the batch's transaction (sendOffsets).
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: settings.concurrency,
        eachBatch,
      });
    },
    async stop() {
      await consumer.disconnect();
      await Promise.all([...tasks.keys()].map(closeTask));
      await lanes.idle();
    },
  };
}
