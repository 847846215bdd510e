import { retry } from '@clawback/errors';
import { type Producer, toKafkaError } from '@clawback/kafka';
import type { TopicMessages } from '../batch/output-messages';
import { CancellationError } from '../cancellation-error';

/** One transaction: the outputs and the input position they consume. */
export interface TransactionalWrite {
  readonly topicMessages: readonly TopicMessages[];
  readonly consumed: {
    readonly groupId: string;
    readonly topic: string;
    readonly partition: number;
    /** The next input offset to read once committed. */
    readonly nextOffset: string;
  };
}

/**
 * Writes the outputs and the consumed offset (`sendOffsets`) in one Kafka transaction, so a
 * `read_committed` reader sees both or neither, and the input moves only with its outputs.
 * On failure the transaction is aborted (best effort) and a retriable `producer_fenced` or
 * `transaction_failed` is thrown; the caller reopens the partition from committed data.
 */
export async function commitTransaction(
  producer: Producer,
  write: TransactionalWrite,
): Promise<void> {
  const transaction = await producer.transaction();
  try {
    if (write.topicMessages.length > 0) {
      await transaction.sendBatch({
        topicMessages: write.topicMessages.map(({ topic, messages }) => ({
          topic,
          messages: [...messages],
        })),
        acks: -1,
      });
    }
    const { groupId, topic, partition, nextOffset } = write.consumed;
    const offsets = {
      consumerGroupId: groupId,
      topics: [{ topic, partitions: [{ partition, offset: nextOffset }] }],
    };
    // kafkajs gives up at once when AddOffsetsToTxn answers CONCURRENT_TRANSACTIONS while the
    // previous transaction's markers are still being written (tulios/kafkajs#430).
    await retry(() => transaction.sendOffsets(offsets), {
      attempts: 12,
      initialDelayMs: 20,
      maxDelayMs: 1000,
      shouldRetry: (error) => toKafkaError(error).code === 'kafka_concurrent_transactions',
    });
    await transaction.commit();
  } catch (error) {
    await transaction.abort().catch(() => undefined);
    const fenced = toKafkaError(error).code === 'kafka_producer_fenced';
    throw new CancellationError(
      fenced ? 'producer_fenced' : 'transaction_failed',
      `transaction for ${write.consumed.topic}[${write.consumed.partition}] failed: ${toKafkaError(error).message}`,
      { cause: error },
    );
  }
}
