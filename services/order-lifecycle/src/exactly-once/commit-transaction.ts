import { retry } from '@clawback/errors';
import { toKafkaError, type Message, type Producer, type RecordMetadata } from '@clawback/kafka';
import { LifecycleError } from '../lifecycle-error';

/** Records for one topic. */
export interface TopicMessages {
  readonly topic: string;
  readonly messages: readonly Message[];
}

/** Everything one transaction writes: output records and the input position they consume. */
export interface TransactionalWrite {
  readonly topicMessages: readonly TopicMessages[];
  readonly consumedOffset: {
    readonly consumerGroupId: string;
    readonly topic: string;
    readonly partition: number;
    /** The next input offset to read once this transaction is committed. */
    readonly nextOffset: string;
    /** Committed atomically with the offset (see `checkpoint.ts`). */
    readonly metadata: string;
  };
}

/** Backoff for `CONCURRENT_TRANSACTIONS`, which kafkajs does not retry on `addOffsetsToTxn`. */
export interface ConcurrentTransactionsRetry {
  readonly attempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

const defaultConcurrentRetry: ConcurrentTransactionsRetry = {
  attempts: 12,
  initialDelayMs: 20,
  maxDelayMs: 1000,
};

/**
 * Writes `write` in one Kafka transaction of `producer`: the output records, then the consumed
 * offset with its metadata (`sendOffsets`), then commit. Readers with `read_committed` see all
 * of it or none of it, and the offset moves only together with the outputs.
 *
 * On any failure the transaction is aborted (best effort: a fenced producer cannot abort, and
 * the broker aborts for it) and a retriable {@link LifecycleError} is thrown: `producer_fenced`
 * when a newer owner exists, else `transaction_failed`. Whether a commit whose answer was lost
 * took effect is not guessed here: the caller rebuilds its partition session from the offset
 * committed in Kafka.
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
    const metadata =
      write.topicMessages.length === 0
        ? []
        : await transaction.sendBatch({
            topicMessages: write.topicMessages.map(({ topic, messages }) => ({
              topic,
              messages: [...messages],
            })),
            acks: -1,
          });
    const { consumerGroupId, topic, partition, nextOffset } = write.consumedOffset;
    const offsets = {
      consumerGroupId,
      topics: [
        {
          topic,
          partitions: [{ partition, offset: nextOffset, metadata: write.consumedOffset.metadata }],
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
    return metadata;
  } catch (error) {
    await transaction.abort().catch(() => undefined);
    throw new LifecycleError(
      toKafkaError(error).code === 'kafka_producer_fenced'
        ? 'producer_fenced'
        : 'transaction_failed',
      `transaction for ${write.consumedOffset.topic}[${write.consumedOffset.partition}] failed: ${messageOf(error)}`,
      { cause: error },
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
