import type { PartitionCountOf, Producer } from '@clawback/kafka';
import type { NotificationPublisher, RawNotificationRecord } from './notification-publisher';
import { PartitionLanes } from './partition-lanes';
import type { BatchLimits } from './serial-batch-sender';

/** What {@link kafkaNotificationPublisher} is built from. */
export interface KafkaNotificationPublisherOptions {
  /**
   * Idempotent producers (`createIdempotentProducer`), already connected or connecting: one per
   * lane of partitions ({@link PartitionLanes}).
   */
  readonly producers: readonly Pick<Producer, 'send'>[];
  /** The raw topic's name (prefixed in tests). */
  readonly topic: string;
  /** Partition counts per topic, cached (`partitionCounts(kafka)`). */
  readonly partitionCountOf: PartitionCountOf;
  /** Avro through the registry, Confluent wire format. */
  readonly encode: (record: RawNotificationRecord) => Promise<Buffer>;
  /** Kafka reachability, for `/readyz`. */
  readonly ready: () => Promise<boolean>;
  readonly batchLimits?: BatchLimits;
}

/** Publishes raw notifications keyed by order key, Avro-encoded, acks from all in-sync replicas. */
export function kafkaNotificationPublisher(
  options: KafkaNotificationPublisherOptions,
): NotificationPublisher {
  const lanes = new PartitionLanes(
    options.producers,
    options.topic,
    options.partitionCountOf,
    options.batchLimits,
  );
  return {
    publish: async (record) => {
      const value = await options.encode(record);
      await lanes.send({ key: record.orderKey, value });
    },
    isReady: options.ready,
  };
}
