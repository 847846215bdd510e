import type { Producer } from '@clawback/kafka';
import type { NotificationPublisher, RawNotificationRecord } from './notification-publisher';
import { SerialBatchSender, type BatchLimits } from './serial-batch-sender';

/** What {@link kafkaNotificationPublisher} is built from. */
export interface KafkaNotificationPublisherOptions {
  /** An idempotent producer (`createIdempotentProducer`), already connected or connecting. */
  readonly producer: Pick<Producer, 'send'>;
  /** The raw topic's name (prefixed in tests). */
  readonly topic: string;
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
  const sender = new SerialBatchSender(options.producer, options.topic, options.batchLimits);
  return {
    publish: async (record) => {
      const value = await options.encode(record);
      await sender.send({ key: record.orderKey, value });
    },
    isReady: options.ready,
  };
}
