import type { Logger } from '@clawback/logging';
import {
  createIdempotentProducer,
  kafkaReadiness,
  type KafkaClient,
  type Producer,
} from '@clawback/kafka';
import { keepTrying } from './keep-trying';

/** The ingress's connection to Kafka: one idempotent producer and an admin for readiness. */
export interface KafkaLink {
  readonly producer: Producer;
  /** Producer connected and a broker answering metadata requests. */
  ready(): Promise<boolean>;
  /** Stops connecting, then disconnects (kafkajs sends what it holds first). */
  close(): Promise<void>;
}

/**
 * Connects in the background, retrying while the brokers are away, so a Kafka outage at start
 * means "not ready, 503" rather than a crash loop.
 */
export function openKafkaLink(kafka: KafkaClient, logger: Logger): KafkaLink {
  const producer = createIdempotentProducer(kafka);
  const admin = kafka.admin();
  const brokerAnswers = kafkaReadiness(admin);
  let connected = false;
  const attempts = keepTrying(
    async () => {
      await producer.connect();
      await admin.connect();
      connected = true;
      logger.info('connected to Kafka');
    },
    (err, attempt) => logger.warn({ err, attempt }, 'cannot connect to Kafka yet; retrying'),
  );
  return {
    producer,
    ready: async () => connected && (await brokerAnswers()),
    close: async () => {
      attempts.stop();
      await attempts.done;
      await Promise.allSettled([producer.disconnect(), admin.disconnect()]);
    },
  };
}
