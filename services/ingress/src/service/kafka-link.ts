import type { Logger } from '@clawback/logging';
import {
  createIdempotentProducer,
  kafkaReadiness,
  type KafkaClient,
  type Producer,
} from '@clawback/kafka';
import { keepTrying } from './keep-trying';

/** The ingress's connection to Kafka: idempotent producers and an admin for readiness. */
export interface KafkaLink {
  /** One idempotent producer per lane of the raw topic's partitions (`INGRESS_PRODUCER_LANES`). */
  readonly producers: readonly Producer[];
  /** Producers connected and a broker answering metadata requests. */
  ready(): Promise<boolean>;
  /** The partition count of `topic`, from the cluster's metadata. */
  partitionCount(topic: string): Promise<number>;
  /** Stops connecting, then disconnects (kafkajs sends what it holds first). */
  close(): Promise<void>;
}

/**
 * Connects in the background, retrying while the brokers are away, so a Kafka outage at start
 * means "not ready, 503" rather than a crash loop.
 */
export function openKafkaLink(kafka: KafkaClient, logger: Logger, lanes = 1): KafkaLink {
  const producers = Array.from({ length: lanes }, () => createIdempotentProducer(kafka));
  const admin = kafka.admin();
  const brokerAnswers = kafkaReadiness(admin);
  let connected = false;
  const attempts = keepTrying(
    async () => {
      await Promise.all(producers.map((producer) => producer.connect()));
      await admin.connect();
      connected = true;
      logger.info({ producers: producers.length }, 'connected to Kafka');
    },
    (err, attempt) => logger.warn({ err, attempt }, 'cannot connect to Kafka yet; retrying'),
  );
  return {
    producers,
    ready: async () => connected && (await brokerAnswers()),
    partitionCount: async (topic) => {
      await attempts.done;
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      const count = topics[0]?.partitions.length ?? 0;
      if (count < 1) throw new Error(`topic ${topic} has no partitions in the cluster's metadata`);
      return count;
    },
    close: async () => {
      attempts.stop();
      await attempts.done;
      await Promise.allSettled([...producers.map((p) => p.disconnect()), admin.disconnect()]);
    },
  };
}
