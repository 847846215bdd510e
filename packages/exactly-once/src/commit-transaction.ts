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

/** Backoff for `CONCURRENT_TRANSACTIONS`, which kafkajs does not retry on `addOffsetsToTxn`. */
export interface ConcurrentTransactionsRetry {
  readonly attempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

/** 12 attempts from 20 ms up to 1 s: covers a coordinator finishing the previous markers. */
const defaultConcurrentRetry: ConcurrentTransactionsRetry = {
  attempts: 12,
  initialDelayMs: 20,
  maxDelayMs: 1000,
};

/**
 * Writes `write` in one Kafka transaction of `producer`: the output records, then the consumed
 * offset (`sendOffsets`), then commit. Readers with `read_committed` see all of it or none of
 * it, and the input offset moves only together with the outputs.
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
    // tulios/kafkajs#430: AddOffsetsToTxn answers CONCURRENT_TRANSACTIONS while the previous
    // transaction's markers are still being written, and kafkajs gives up at once.
    await retry(() => transaction.sendOffsets(offsets), {
      ...concurrentRetry,
      shouldRetry: (error) => toKafkaError(error).code === 'kafka_concurrent_transactions',
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
