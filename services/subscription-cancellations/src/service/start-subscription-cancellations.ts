import { kafkaRetriableResponses } from '@clawback/observability';
import type { ClawbackConfig } from '@clawback/config';
import { PartitionProducers, createKafkaClient, kafkaReadiness } from '@clawback/kafka';
import type { Logger } from '@clawback/logging';
import type { MerchantDirectory } from '@clawback/merchants';
import { createRedisClient, quitRedis, redisReadiness } from '@clawback/redis';
import { AvroRegistry } from '@clawback/schema-registry';
import { fetchHttpClient } from '../adapters/http/http-client';
import { registryCodecs } from '../batch/codecs';
import { redisCompletedCancellations } from '../completed/completed-cancellations';
import { rebuildCompletedCancellations } from '../completed/rebuild-completed';
import { sharedRebuild } from '../completed/shared-rebuild';
import type { ConsumerDeps } from '../consumer/consumer-deps';
import { superviseCancellationsConsumer } from '../consumer/cancellations-consumer';
import {
  type CancellationMetrics,
  createCancellationMetrics,
} from '../metrics/cancellation-metrics';
import { metricsObserver } from '../metrics/metrics-observer';
import { merchantSettingsOf } from '../settings/parse-merchant-settings';
import type { CancellationServiceSettings } from '../settings/service-settings';
import { merchantAdapters } from './merchant-adapters';
import { registerOutputSchemas } from './register-schemas';

/** What {@link startSubscriptionCancellations} needs. */
export interface SubscriptionCancellationsOptions {
  readonly config: Pick<ClawbackConfig, 'kafka' | 'schemaRegistry' | 'redis'>;
  readonly settings: CancellationServiceSettings;
  /** The loaded merchants file; every `cancellation` section is validated at start. */
  readonly merchants: MerchantDirectory;
  readonly logger: Logger;
  /** Overrides the configured Redis key prefix (tests use their own). */
  readonly redisKeyPrefix?: string;
  readonly metrics?: CancellationMetrics;
  /** Wall clock (epoch ms) for signatures, auth headers and retry budgets. */
  readonly now?: () => number;
  /** Jitter source. */
  readonly random?: () => number;
  /** The `fetch` outbound calls use. */
  readonly fetch?: typeof fetch;
}

/** A running subscription-cancellations service. */
export interface RunningSubscriptionCancellations {
  readonly metrics: CancellationMetrics;
  /** Resolves at the first partition assignment. */
  readonly joined: Promise<void>;
  /** For `/readyz`: Kafka and Redis answer. */
  readonly readiness: {
    readonly kafka: () => Promise<boolean>;
    readonly redis: () => Promise<boolean>;
  };
  /**
   * Graceful stop: outbound calls and backoffs are interrupted (their batch stays uncommitted
   * and is redone by the next owner, without calling again what is recorded as done), then
   * everything disconnects.
   */
  stop(): Promise<void>;
}

/**
 * Starts the service in this process: validates the merchants' `cancellation` sections,
 * registers the output schemas, rebuilds the completed-cancellations record from the topic,
 * then joins the consumer group. The entry point of `main.ts`, of end-to-end tests and demos.
 */
export async function startSubscriptionCancellations(
  options: SubscriptionCancellationsOptions,
): Promise<RunningSubscriptionCancellations> {
  const { config, settings, logger } = options;
  const merchants = merchantSettingsOf(options.merchants);
  const metrics = options.metrics ?? createCancellationMetrics();
  const now = options.now ?? Date.now;
  const kafka = createKafkaClient(config.kafka, {
    logger,
    clientId: `${config.kafka.clientId}-subscription-cancellations`,
    onRetriableResponse: kafkaRetriableResponses(metrics.registry),
  });
  const admin = kafka.admin();
  await admin.connect();
  const redis = await createRedisClient(config.redis, {
    logger,
    connectionName: 'subscription-cancellations',
    ...(options.redisKeyPrefix !== undefined && { keyPrefix: options.redisKeyPrefix }),
  }).catch(async (error: unknown) => {
    await admin.disconnect();
    throw error;
  });
  const producers = new PartitionProducers(
    kafka,
    `${settings.transactionalIdPrefix}-subscription-cancellations`,
    settings.transactionTimeoutMs,
  );
  try {
    const registry = new AvroRegistry(config.schemaRegistry);
    await registerOutputSchemas(registry, settings.topics);
    const codecs = registryCodecs(registry, settings.topics);
    let running = false;
    const rebuild = sharedRebuild(
      () =>
        rebuildCompletedCancellations({
          kafka,
          admin,
          redis,
          codecs,
          topic: settings.topics.cancellations,
          groupIdPrefix: `${settings.groupId}-rebuild`,
          timeoutMs: settings.rebuildTimeoutMs,
          logger,
        }),
      ({ facts }) => {
        metrics.recordRebuilds.inc({ trigger: running ? 'lost' : 'start' });
        if (running) logger.warn({ facts }, 'completed-cancellations record lost and rebuilt');
      },
    );
    const completed = redisCompletedCancellations({
      redis,
      topic: settings.topics.cancellations,
      rebuild,
    });
    // Complete before the first call; later losses are rebuilt by the read that finds them.
    await rebuild();
    running = true;
    const stopping = new AbortController();
    const deps: ConsumerDeps = {
      kafka,
      admin,
      producers,
      settings,
      logger,
      metrics,
      process: {
        codecs,
        merchants,
        adapterFor: merchantAdapters(merchants, {
          http: fetchHttpClient(settings.retry.requestTimeoutMs, options.fetch),
          now,
        }),
        completed,
        retry: settings.retry,
        callConcurrency: settings.callConcurrency,
        signal: stopping.signal,
        now,
        ...(options.random && { random: options.random }),
        observer: metricsObserver(metrics, logger),
      },
    };
    const consumer = superviseCancellationsConsumer(deps);
    await consumer.start();
    return {
      metrics,
      joined: consumer.joined,
      readiness: { kafka: kafkaReadiness(admin), redis: redisReadiness(redis) },
      stop: async () => {
        stopping.abort();
        await consumer.stop();
        await producers.closeAll();
        await quitRedis(redis);
        await admin.disconnect();
      },
    };
  } catch (error) {
    await producers.closeAll();
    await quitRedis(redis);
    await admin.disconnect();
    throw error;
  }
}
