import {
  partitionOfKey,
  type Message,
  type PartitionCountOf,
  type Producer,
} from '@clawback/kafka';
import { SerialBatchSender, type BatchLimits } from './serial-batch-sender';

/**
 * Sends keyed records through several idempotent producers, each owning the partitions
 * `p % lanes === lane`, one request in flight per producer (ADR 0004).
 *
 * Why: where our producers fall back to one request per topic-partition (ADR 0004), one kafkajs
 * producer has one request in flight per broker, so a batch over 12 partitions takes 12 round
 * trips in a row; with a producer per lane the partitions' requests run side by side. With the
 * usual one request per broker, one lane (the default) is fastest. Each record is placed where the
 * default partitioner would put it (murmur2 of the order key, {@link partitionOfKey}), so an
 * order's notifications stay on one partition, in order.
 */
export class PartitionLanes {
  private readonly senders: readonly SerialBatchSender[];

  /** @param partitionCountOf cached per topic, e.g. `partitionCounts(kafka)` of `@clawback/kafka` */
  constructor(
    producers: readonly Pick<Producer, 'send'>[],
    private readonly topic: string,
    private readonly partitionCountOf: PartitionCountOf,
    limits?: BatchLimits,
  ) {
    if (producers.length === 0) throw new RangeError('at least one producer lane is needed');
    this.senders = producers.map((producer) => new SerialBatchSender(producer, topic, limits));
  }

  /** Resolves when Kafka acknowledged `message` (which must have a key). */
  async send(message: Message & { readonly key: string | Buffer }): Promise<void> {
    const partition = partitionOfKey(message.key, await this.partitionCountOf(this.topic));
    const sender = this.senders[partition % this.senders.length]!;
    await sender.send({ ...message, partition });
  }
}
