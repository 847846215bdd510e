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
    close: async () => {
      attempts.stop();
      await attempts.done;
      await Promise.allSettled([...producers.map((p) => p.disconnect()), admin.disconnect()]);
    },
  };
}
