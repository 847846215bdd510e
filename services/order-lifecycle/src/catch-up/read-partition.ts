import { randomUUID } from 'node:crypto';
import type { KafkaClient as Kafka, KafkaMessage } from '@clawback/kafka';
import { LifecycleError } from '../lifecycle-error';
import { fixedPartitionsAssigner } from './single-partition-assigner';

/** Offsets `[fromOffset, toOffset)` of one partition. */
export interface PartitionRange {
  readonly topic: string;
  readonly partition: number;
  readonly fromOffset: string;
  readonly toOffset: string;
}

/** Options for {@link readPartitionRange}. */
export interface ReadPartitionOptions {
  /** Prefix of the private consumer group's id (a random suffix is added). */
  readonly groupIdPrefix: string;
  /** Called with the committed records of each fetched batch, in offset order. */
  readonly onMessages: (messages: readonly KafkaMessage[]) => Promise<void>;
  /** Called between batches, e.g. to keep the caller's own consumer-group session alive. */
  readonly heartbeat?: () => Promise<void>;
  /** Give up (with `catch_up_failed`) when the range is not read by then. */
  readonly timeoutMs: number;
}

/**
 * Reads the committed records (`read_committed`) of one partition range and resolves once
 * every offset below `toOffset` has been passed, control records and aborted records included.
 * Progress is tracked from kafkajs's end-of-batch events because batches made only of
 * transaction markers never reach `eachBatch`.
 */
export async function readPartitionRange(
  kafka: Kafka,
  range: PartitionRange,
  options: ReadPartitionOptions,
): Promise<void> {
  const from = BigInt(range.fromOffset);
  const to = BigInt(range.toOffset);
  if (from >= to) return;

  const consumer = kafka.consumer({
    groupId: `${options.groupIdPrefix}-${randomUUID()}`,
    partitionAssigners: [fixedPartitionsAssigner(range.topic, [range.partition])],
    maxWaitTimeInMs: 100,
    retry: { retries: 3 },
  });
  let timer: NodeJS.Timeout | undefined;
  let fail: (error: unknown) => void = () => undefined;
  const finished = new Promise<void>((resolve, reject) => {
    fail = (error) => reject(catchUpFailed(range, error));
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
          // Not rethrown: kafkajs would re-deliver the batch forever; the caller decides.
          fail(error);
        }
      },
    });
    consumer.seek({ topic: range.topic, partition: range.partition, offset: range.fromOffset });
    await finished;
  } catch (error) {
    throw error instanceof LifecycleError ? error : catchUpFailed(range, error);
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
  }
}

function catchUpFailed(range: PartitionRange, cause: unknown): LifecycleError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new LifecycleError(
    'catch_up_failed',
    `reading ${range.topic}[${range.partition}] ${range.fromOffset}..${range.toOffset}: ${reason}`,
    { cause },
  );
}
