import { randomUUID } from 'node:crypto';
import type { KafkaClient, KafkaMessage } from '@clawback/kafka';
import { ExactlyOnceError } from './exactly-once-error';
import { fixedPartitionsAssigner } from './fixed-partitions-assigner';
import { deletePrivateGroup, sweepPrivateGroups } from './private-groups';

/** Offsets `[fromOffset, toOffset)` of one partition. */
export interface PartitionRange {
  readonly topic: string;
  readonly partition: number;
  readonly fromOffset: string;
  readonly toOffset: string;
}

/** Options for {@link readPartitionRange}. */
export interface ReadPartitionOptions {
  /**
   * Prefix of the private consumer group's id (a random suffix is added). The group is deleted
   * after the read, and empty groups left under this prefix by killed processes are deleted
   * before this process's first read with it.
   */
  readonly groupIdPrefix: string;
  /** Called with the committed records of each fetched batch, in offset order. */
  readonly onMessages: (messages: readonly KafkaMessage[]) => Promise<void> | void;
  /** Called between batches, e.g. to keep the caller's own consumer-group session alive. */
  readonly heartbeat?: () => Promise<void>;
  /** Give up (with `partition_read_failed`) when the range is not read by then. */
  readonly timeoutMs: number;
}

/**
 * Reads the committed records (`read_committed`) of one partition range, e.g. a changelog
 * partition from its start to its end, and resolves once every offset below `toOffset` has
 * been passed, control records and aborted records included. Progress is tracked from kafkajs's
 * end-of-batch events because batches made only of transaction markers never reach `eachBatch`.
 *
 * @throws ExactlyOnceError `partition_read_failed` on a crash, a failing `onMessages` or the
 *   timeout.
 */
export async function readPartitionRange(
  kafka: KafkaClient,
  range: PartitionRange,
  options: ReadPartitionOptions,
): Promise<void> {
  const from = BigInt(range.fromOffset);
  const to = BigInt(range.toOffset);
  if (from >= to) return;

  await sweepPrivateGroups(kafka, options.groupIdPrefix);
  const groupId = `${options.groupIdPrefix}-${randomUUID()}`;
  const consumer = kafka.consumer({
    groupId,
    partitionAssigners: [fixedPartitionsAssigner(range.topic, [range.partition])],
    readUncommitted: false,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 100,
    retry: { retries: 3 },
  });
  let timer: NodeJS.Timeout | undefined;
  let fail: (error: unknown) => void = () => undefined;
  const finished = new Promise<void>((resolve, reject) => {
    fail = (error) => reject(readFailed(range, error));
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      if (payload.partition === range.partition && BigInt(payload.lastOffset) + 1n >= to) {
        resolve();
      }
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => fail(payload.error));
    timer = setTimeout(
      () => fail(new Error(`not done after ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
  });
  // Awaited below; this only keeps an early rejection from counting as unhandled.
  finished.catch(() => undefined);
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [range.topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const inRange = batch.messages.filter((message) => {
          const offset = BigInt(message.offset);
          return offset >= from && offset < to;
        });
        try {
          if (inRange.length > 0) await options.onMessages(inRange);
          await options.heartbeat?.();
        } catch (error) {
          // Not rethrown: kafkajs would deliver the batch again and again; the caller decides.
          fail(error);
        }
      },
    });
    consumer.seek({ topic: range.topic, partition: range.partition, offset: range.fromOffset });
    await finished;
  } catch (error) {
    throw error instanceof ExactlyOnceError ? error : readFailed(range, error);
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
    await deletePrivateGroup(kafka, groupId);
  }
}

function readFailed(range: PartitionRange, cause: unknown): ExactlyOnceError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ExactlyOnceError(
    'partition_read_failed',
    `reading ${range.topic}[${range.partition}] ${range.fromOffset}..${range.toOffset}: ${reason}`,
    { cause },
  );
}
