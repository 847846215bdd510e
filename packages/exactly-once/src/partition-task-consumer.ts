import {
  watchConsumerCrashes,
  type EachBatchPayload,
  type KafkaClient,
  type KafkaMessage,
} from '@clawback/kafka';
import type { Logger } from '@clawback/logging';
import { SerialLanes } from './serial-lanes';
import type { SupervisedConsumer } from './supervise-consumer';

/** Keeps the group session alive during long work. */
export type Heartbeat = () => Promise<void>;

/**
 * This instance's processing of one input partition, from its opening (fence the previous
 * owner, read committed state) until a rebalance, a failure or the stop.
 */
export interface PartitionTask {
  /** The next input offset to process; everything before it is done (committed). */
  readonly position: string;
  /** Processes records at or after {@link position}, in offset order. */
  process(messages: readonly KafkaMessage[], heartbeat: Heartbeat): Promise<void>;
  /** Releases what the task holds; an open transaction was already committed or aborted. */
  close(): Promise<void>;
}

/** Options for {@link createPartitionTaskConsumer}. */
export interface PartitionTaskConsumerOptions {
  readonly kafka: KafkaClient;
  readonly topic: string;
  readonly groupId: string;
  readonly sessionTimeoutMs?: number;
  /** Bytes fetched per partition and poll: bounds one batch. */
  readonly maxBytesPerPartition?: number;
  /** Input partitions processed at the same time. Default 1. */
  readonly partitionConcurrency?: number;
  /** Opens the task of a partition at its first batch after an assignment. */
  readonly openTask: (partition: number, heartbeat: Heartbeat) => Promise<PartitionTask>;
  readonly logger: Logger;
  /** kafkajs gave up on the consumer (see `superviseConsumer`). */
  readonly onFatal: (error: Error) => void;
  /** After each batch: the task's position and the partition's high watermark (lag). */
  readonly onProgress?: (partition: number, position: string, highWatermark: string) => void;
  /** A partition's task was closed (revoked, failed or stopping). */
  readonly onClosed?: (partition: number) => void;
  /**
   * Per input partition, the offset at which to stop (exclusive), e.g. a replay up to the
   * topic's end taken at its start. Records from it on never reach the task, and the partition
   * is paused once there is nothing left below it. Absent: consume without end.
   */
  readonly stopAt?: Readonly<Record<number, string>>;
}

interface OpenTask {
  readonly task: PartitionTask;
  /** Whether this task already moved kafkajs back to its position once. */
  sought: boolean;
}

/**
 * A consumer that hands each input partition to a {@link PartitionTask}: `eachBatch` with
 * `read_committed`, no offset commits of its own, one task per partition, opened at its first batch and closed at every
 * rebalance, so a reassigned partition is always reopened (and fenced) from committed data.
 * Where the task's position and kafkajs's fetch position differ, kafkajs is moved to the
 * task's: forward when someone committed further, back (once per task) when the task restarts
 * from an earlier point, e.g. a projection rebuilt from the beginning.
 */
export function createPartitionTaskConsumer(
  options: PartitionTaskConsumerOptions,
): SupervisedConsumer {
  const { topic, logger } = options;
  const consumer = options.kafka.consumer({
    groupId: options.groupId,
    readUncommitted: false,
    allowAutoTopicCreation: false,
    ...(options.sessionTimeoutMs !== undefined && { sessionTimeout: options.sessionTimeoutMs }),
    ...(options.maxBytesPerPartition !== undefined && {
      maxBytesPerPartition: options.maxBytesPerPartition,
    }),
  });
  const tasks = new Map<number, OpenTask>();
  const lanes = new SerialLanes();
  let markJoined: () => void = () => undefined;
  const joined = new Promise<void>((resolve) => (markJoined = resolve));

  const closeTask = (partition: number): Promise<void> =>
    lanes.run(partition, async () => {
      const open = tasks.get(partition);
      tasks.delete(partition);
      if (!open) return;
      options.onClosed?.(partition);
      await open.task.close().catch(() => undefined);
    });

  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    logger.info({ topic, assigned: payload.memberAssignment[topic] ?? [] }, 'partitions assigned');
    for (const partition of [...tasks.keys()]) void closeTask(partition);
    markJoined();
  });
  watchConsumerCrashes(consumer, { logger, onFatal: options.onFatal });

  const processBatch = async (payload: EachBatchPayload, heartbeat: Heartbeat): Promise<void> => {
    const { batch } = payload;
    const { partition } = batch;
    let open = tasks.get(partition);
    if (!open) {
      open = { task: await options.openTask(partition, heartbeat), sought: false };
      tasks.set(partition, open);
    }
    const { task } = open;
    const first = batch.messages[0];
    if (first !== undefined && BigInt(first.offset) > BigInt(task.position) && !open.sought) {
      // Fetched past where the task starts. Later batches may still begin after the position
      // (aborted records and markers are skipped), so this is done only once per task.
      open.sought = true;
      consumer.seek({ topic, partition, offset: task.position });
      return;
    }
    const stopAt = options.stopAt?.[partition];
    const messages =
      stopAt === undefined
        ? batch.messages
        : batch.messages.filter((message) => BigInt(message.offset) < BigInt(stopAt));
    if (stopAt !== undefined && messages.length === 0) {
      // The whole batch lies at or past the stop offset: nothing below it is left to read.
      payload.pause();
      return;
    }
    const from = BigInt(task.position);
    const fresh = messages.filter((message) => BigInt(message.offset) >= from);
    try {
      if (fresh.length > 0) await task.process(fresh, heartbeat);
    } catch (error) {
      tasks.delete(partition);
      options.onClosed?.(partition);
      await task.close().catch(() => undefined);
      logger.warn({ err: error, topic, partition }, 'batch failed; partition reopens');
      throw error;
    }
    const last = messages[messages.length - 1];
    if (last !== undefined && BigInt(task.position) > BigInt(last.offset) + 1n) {
      // Committed further than kafkajs fetched (by a previous owner): skip ahead.
      consumer.seek({ topic, partition, offset: task.position });
    } else if (last !== undefined) {
      payload.resolveOffset(last.offset);
    }
    if (stopAt !== undefined && BigInt(task.position) >= BigInt(stopAt)) payload.pause();
    options.onProgress?.(partition, task.position, batch.highWatermark);
  };

  return {
    joined,
    async start() {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        // Offsets move only inside the tasks' transactions (`sendOffsets`) or, for a
        // projection, with its own state: kafkajs never commits them itself.
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: options.partitionConcurrency ?? 1,
        eachBatch: async (payload) => {
          if (!payload.isRunning() || payload.isStale()) return;
          const heartbeat = () => payload.heartbeat();
          await lanes.run(payload.batch.partition, () => processBatch(payload, heartbeat));
          await heartbeat();
        },
      });
    },
    async stop() {
      // Tasks are closed even when the disconnect fails: a task left open would keep holding
      // what it holds (a producer, a ledger generation) for the life of the process.
      try {
        await consumer.disconnect();
      } finally {
        await Promise.all([...tasks.keys()].map(closeTask));
        await lanes.idle();
      }
    },
  };
}
