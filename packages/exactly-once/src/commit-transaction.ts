import { retry } from '@clawback/errors';
import { toKafkaError, type Message, type Producer, type RecordMetadata } from '@clawback/kafka';
import { ExactlyOnceError } from './exactly-once-error';

/** Records for one topic. */
export interface TopicMessages {
  readonly topic: string;
  readonly messages: readonly Message[];
}

/** The input position a transaction consumes, committed with its outputs. */
interface ConsumedOffset {
  readonly consumerGroupId: string;
  readonly topic: string;
  readonly partition: number;
  /** The next input offset to read once this transaction is committed. */
  readonly nextOffset: string;
  /** Committed atomically with the offset (small; brokers cap it at 4 KiB by default). */
  readonly metadata?: string;
}

/** Everything one transaction writes: output records and the input position they consume. */
export interface TransactionalWrite {
  readonly topicMessages: readonly TopicMessages[];
  readonly consumedOffset: ConsumedOffset;
}

/**
 * Backoff for `CONCURRENT_TRANSACTIONS`: the coordinator's answer while it still writes the
 * previous transaction's commit markers (a few milliseconds after `EndTxn` returned).
 */
export interface ConcurrentTransactionsRetry {
  readonly attempts: number;
  /** Ceiling of the first delay (full jitter), doubling per attempt. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Told of each retry, e.g. to count it in a metric: a retry is normal, not an error. */
  readonly onRetry?: (attempt: number, delayMs: number) => void;
}

/**
 * 16 attempts from at most 5 ms up to 500 ms (about 5 s in all): markers usually take a few
 * milliseconds, so the first retry must not wait long; a busy coordinator still gets seconds.
 */
export const defaultConcurrentRetry: ConcurrentTransactionsRetry = {
  attempts: 16,
  initialDelayMs: 5,
  maxDelayMs: 500,
};

/**
 * Writes `write` in one Kafka transaction of `producer`: the consumed offset (`sendOffsets`),
 * then the output records, then commit. Readers with `read_committed` see all of it or none of
 * it, and the input offset moves only together with the outputs (the order inside a
 * transaction does not matter to that; it is atomic at the commit).
 *
 * The offset goes first because its `AddOffsetsToTxn` is the transaction's first request to
 * the coordinator, the one that meets `CONCURRENT_TRANSACTIONS` while the previous commit's
 * markers are still being written: retried here within milliseconds. Sent first, the records'
 * `AddPartitionsToTxn` would meet it instead, and kafkajs's own retry of a produce waits
 * 300 ms, refreshes metadata and logs at error level on every attempt.
 *
 * On any failure the transaction is aborted (best effort: a fenced producer cannot abort, and
 * the broker aborts for it) and a retriable {@link ExactlyOnceError} is thrown:
 * `producer_fenced` when a newer owner exists, else `transaction_failed`. Whether a commit
 * whose answer was lost took effect is not guessed here: the caller reopens its partition
 * from the offset committed in Kafka.
 *
 * @returns the produce answers (base offsets per topic-partition) of the committed records.
 */
export async function commitTransaction(
  producer: Producer,
  write: TransactionalWrite,
  concurrentRetry: ConcurrentTransactionsRetry = defaultConcurrentRetry,
): Promise<readonly RecordMetadata[]> {
  const transaction = await producer.transaction();
  try {
    const { consumerGroupId, topic, partition, nextOffset, metadata } = write.consumedOffset;
    const offsets = {
      consumerGroupId,
      topics: [
        {
          topic,
          partitions: [
            { partition, offset: nextOffset, ...(metadata !== undefined && { metadata }) },
          ],
        },
      ],
    };
    // tulios/kafkajs#430: kafkajs gives up at once on CONCURRENT_TRANSACTIONS here.
    await retry(() => transaction.sendOffsets(offsets), {
      attempts: concurrentRetry.attempts,
      initialDelayMs: concurrentRetry.initialDelayMs,
      maxDelayMs: concurrentRetry.maxDelayMs,
      shouldRetry: (error) => toKafkaError(error).code === 'kafka_concurrent_transactions',
      ...(concurrentRetry.onRetry && {
        onRetry: (_error: unknown, attempt: number, delayMs: number) =>
          concurrentRetry.onRetry!(attempt, delayMs),
      }),
    });
    const topicMessages = write.topicMessages.filter((topic) => topic.messages.length > 0);
    const produced =
      topicMessages.length === 0
        ? []
        : await transaction.sendBatch({
            topicMessages: topicMessages.map(({ topic, messages }) => ({
              topic,
              messages: [...messages],
            })),
            acks: -1,
          });
    await transaction.commit();
    return produced;
  } catch (error) {
    await transaction.abort().catch(() => undefined);
    const { topic, partition } = write.consumedOffset;
    const kafkaError = toKafkaError(error);
    throw new ExactlyOnceError(
      kafkaError.code === 'kafka_producer_fenced' ? 'producer_fenced' : 'transaction_failed',
      `transaction for ${topic}[${partition}] failed: ${kafkaError.message}`,
      { cause: error },
    );
  }
}
