import type { Env } from '@clawback/config';
import { baseTopicNames, createKafkaClient, partitionCounts, topicNames } from '@clawback/kafka';
import { createLogger, type Logger } from '@clawback/logging';
import { createRedisClient, quitRedis, redisReadiness, type Redis } from '@clawback/redis';
import { AvroRegistry, registerWrittenSchemas } from '@clawback/schema-registry';
import { createMetricsRegistry, type Registry } from '@clawback/observability';
import { lateDedupe } from '../dedupe/late-dedupe';
import { redisEdgeDedupe } from '../dedupe/redis-edge-dedupe';
import { buildIngress } from '../http/build-ingress';
import type { IngressApp } from '../http/ingress-app';
import { kafkaNotificationPublisher } from '../publish/kafka-notification-publisher';
import { loadIngressConfiguration } from './ingress-configuration';
import { keepTrying } from './keep-trying';
import { openKafkaLink } from './kafka-link';
import { warnWeakClick2Sell } from './warn-weak-click2sell';

/** Options of {@link startIngress}. */
export interface StartIngressOptions {
  readonly env: Env;
  /** Defaults to a logger at `LOG_LEVEL`. */
  readonly logger?: Logger;
  /** Listen address; default `0.0.0.0`. */
  readonly host?: string;
  /** Overrides `INGRESS_PORT` (0: any free port). */
  readonly port?: number;
  /**
   * What `/metrics` serves, given this process's registry; itself by default. A cluster
   * worker serves every worker's metrics aggregated (`clusterMetricsRegistry`).
   */
  readonly exposeMetrics?: (local: Registry) => Registry;
}

/** A listening ingress. */
export interface RunningIngress {
  readonly app: IngressApp;
  /** `http://host:port` it listens on. */
  readonly url: string;
  readonly logger: Logger;
  /**
   * Graceful stop: refuse new requests, finish those in flight, wait (bounded) for publishes
   * under way, flush and disconnect the producer, quit Redis.
   */
  close(): Promise<void>;
}

/**
 * Wires the ingress from the environment (see docs/merchant-setup.md and `@clawback/config`)
 * and starts listening. Kafka and Redis connect in the background: while Kafka is away the
 * ingress answers 503 and `/readyz` says not ready; while Redis is away it runs without edge
 * dedupe.
 *
 * @throws ConfigError or MerchantsError for a configuration it cannot run with.
 */
export async function startIngress(options: StartIngressOptions): Promise<RunningIngress> {
  const { config, settings, merchants } = loadIngressConfiguration(options.env);
  const logger =
    options.logger ?? createLogger({ service: 'ingress', level: config.logging.level });
  warnWeakClick2Sell(merchants, logger);

  const kafka = createKafkaClient(config.kafka, {
    logger,
    clientId: `${config.kafka.clientId}-ingress`,
  });
  const link = openKafkaLink(kafka, logger, settings.producerLanes);
  const registry = new AvroRegistry(config.schemaRegistry);
  const topic = topicNames(config.kafka.topicPrefix).notificationsRaw;
  // The ingress owns the raw topic's schema: it registers it itself (in the background, like
  // its connections), so a fresh environment needs no separate provisioning step to accept.
  let schemaRegistered = false;
  const schemaAttempts = keepTrying(
    async () => {
      await registerWrittenSchemas(registry, new Map([[baseTopicNames.notificationsRaw, topic]]));
      schemaRegistered = true;
    },
    (err, attempt) =>
      logger.warn({ err, attempt }, 'cannot register the raw notification schema yet'),
  );
  const publisher = kafkaNotificationPublisher({
    producers: link.producers,
    topic,
    partitionCountOf: partitionCounts(kafka),
    encode: (record) => registry.encode(topic, record),
    ready: async () => schemaRegistered && (await link.ready()),
  });

  const dedupe = lateDedupe();
  let redis: Redis | undefined;
  const redisAttempts = keepTrying(
    async () => {
      // Every request asks Redis once before publishing and once after: auto-pipelining sends
      // the commands of concurrent requests in one write (semantics per command unchanged).
      redis = await createRedisClient(config.redis, {
        logger,
        connectionName: 'ingress',
        autoPipelining: true,
      });
      dedupe.attach(redisEdgeDedupe(redis, { ttlSeconds: settings.dedupeTtlSeconds }));
    },
    (err, attempt) =>
      logger.warn({ err, attempt }, 'cannot connect to Redis yet; running without edge dedupe'),
  );

  const metrics = createMetricsRegistry({ service: 'ingress' });
  const app = buildIngress({
    config: settings,
    merchants,
    publisher,
    dedupe,
    logger,
    metrics,
    ...(options.exposeMetrics && { exposedMetrics: options.exposeMetrics(metrics) }),
    now: Date.now,
    edgeDedupeReady: () => (redis ? redisReadiness(redis)() : Promise.resolve(false)),
  });
  const url = await app.listen({
    host: options.host ?? '0.0.0.0',
    port: options.port ?? config.ingress.port,
  });
  logger.info({ merchants: merchants.size, topic }, 'ingress listening');

  return {
    app,
    url,
    logger,
    close: async () => {
      await app.close();
      redisAttempts.stop();
      schemaAttempts.stop();
      await Promise.all([redisAttempts.done, schemaAttempts.done]);
      await link.close();
      if (redis) await quitRedis(redis);
    },
  };
}
