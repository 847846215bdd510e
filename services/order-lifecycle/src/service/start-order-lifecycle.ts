import { kafkaRetriableResponses } from '@clawback/observability';
import type { ClawbackConfig } from '@clawback/config';
import { createKafkaClient } from '@clawback/kafka';
import type { Logger } from '@clawback/logging';
import { createRedisClient, quitRedis, type Redis } from '@clawback/redis';
import { AvroRegistry } from '@clawback/schema-registry';
import { superviseLifecycleConsumer } from '../consumer/lifecycle-consumer';
import type { PartitionTaskDeps } from '../consumer/partition-task-deps';
import { createLifecycleMetrics, type LifecycleMetrics } from '../metrics/lifecycle-metrics';
import { registryCodecs } from '../records/registry-codecs';
import type { NormalizeOptionsFor } from '../records/to-partition-records';
import type { LifecycleSettings } from '../settings/lifecycle-settings';
import { partitionLayout } from './partition-layout';
import { registerOutputSchemas } from './register-output-schemas';

/** What {@link startOrderLifecycle} needs. */
export interface OrderLifecycleOptions {
  readonly config: Pick<ClawbackConfig, 'kafka' | 'schemaRegistry' | 'redis'>;
  readonly settings: LifecycleSettings;
  readonly logger: Logger;
  /** Overrides the configured Redis key prefix (tests and replays use their own). */
  readonly redisKeyPrefix?: string;
  readonly metrics?: LifecycleMetrics;
  readonly normalizeOptionsFor?: NormalizeOptionsFor;
  /** Clock for latency metrics; decisions never read a clock. */
  readonly now?: () => number;
}

/** A running order-lifecycle consumer. */
export interface RunningOrderLifecycle {
  readonly metrics: LifecycleMetrics;
  /** Resolves at the first partition assignment. */
  readonly joined: Promise<void>;
  /** For `/readyz`: Kafka and Redis answer. */
  ready(): Promise<boolean>;
  /** Graceful stop: the batch in flight commits or aborts, then everything disconnects. */
  stop(): Promise<void>;
}

/**
 * Starts the order-lifecycle consumer in this process: the entry point of `main.ts`, of the
 * replay, and of tests that need the consumer in-process (e.g. an end-to-end test from HTTP).
 * Checks the partition layout and registers the output schemas before consuming.
 */
export async function startOrderLifecycle(
  options: OrderLifecycleOptions,
): Promise<RunningOrderLifecycle> {
  const { config, settings, logger } = options;
  const metrics = options.metrics ?? createLifecycleMetrics();
  const kafka = createKafkaClient(config.kafka, {
    logger,
    clientId: `${config.kafka.clientId}-order-lifecycle`,
    onRetriableResponse: kafkaRetriableResponses(metrics.registry),
  });
  const admin = kafka.admin();
  await admin.connect();
  let redis: Redis | undefined;
  try {
    const layout = await partitionLayout(admin, settings.topics);
    redis = await createRedisClient(config.redis, {
      logger,
      connectionName: 'order-lifecycle',
      ...(options.redisKeyPrefix !== undefined && { keyPrefix: options.redisKeyPrefix }),
    });
    const registry = new AvroRegistry(config.schemaRegistry);
    await registerOutputSchemas(registry, settings.topics);
    const deps: PartitionTaskDeps = {
      kafka,
      admin,
      redis,
      codecs: registryCodecs(registry, {
        events: settings.topics.lifecycleEvents,
        state: settings.topics.lifecycleState,
        deadLetters: settings.topics.notificationsDlq,
      }),
      settings,
      eventsCoPartitioned: layout.eventsCoPartitioned,
      ...(options.normalizeOptionsFor && { normalizeOptionsFor: options.normalizeOptionsFor }),
      logger,
      metrics,
      now: options.now ?? Date.now,
    };
    const supervisor = superviseLifecycleConsumer(deps);
    await supervisor.start();
    const connectedRedis = redis;
    return {
      metrics,
      joined: supervisor.joined,
      ready: async () => {
        const [kafkaUp, redisUp] = await Promise.all([
          admin.describeCluster().then(
            () => true,
            () => false,
          ),
          connectedRedis.ping().then(
            (answer) => answer === 'PONG',
            () => false,
          ),
        ]);
        return kafkaUp && redisUp;
      },
      stop: async () => {
        await supervisor.stop();
        await quitRedis(connectedRedis);
        await admin.disconnect();
      },
    };
  } catch (error) {
    if (redis) await quitRedis(redis);
    await admin.disconnect();
    throw error;
  }
}
