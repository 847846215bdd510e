import { startConsumerService, type ConsumerServiceInputs } from '@clawback/exactly-once';
import { LifecyclePartitionTask } from '../consumer/lifecycle-partition-task';
import type { LifecycleTaskDeps } from '../consumer/lifecycle-task-deps';
import { createLifecycleMetrics, type LifecycleMetrics } from '../metrics/lifecycle-metrics';
import { registryCodecs } from '../records/registry-codecs';
import type { NormalizeOptionsFor } from '../records/to-partition-records';
import type { LifecycleSettings } from '../settings/lifecycle-settings';
import { partitionLayout } from './partition-layout';
import { writtenTopics } from './written-topics';

/** What {@link startOrderLifecycle} needs. */
export interface OrderLifecycleOptions extends ConsumerServiceInputs {
  readonly settings: LifecycleSettings;
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
  /** For `/readyz`: Kafka and Redis answer (each within its timeout). */
  ready(): Promise<boolean>;
  /** Graceful stop: the batch in flight commits or aborts, then everything disconnects. */
  stop(): Promise<void>;
}

/**
 * Starts the order-lifecycle consumer in this process: the entry point of `main.ts`, of the
 * replay, and of tests that need the consumer in-process (e.g. an end-to-end test from HTTP).
 * On `@clawback/exactly-once`'s consumer skeleton: registers the output schemas, checks the
 * partition layout, then consumes the raw notifications with one
 * {@link LifecyclePartitionTask} per input partition (a replay stops each at `settings.stopAt`).
 */
export async function startOrderLifecycle(
  options: OrderLifecycleOptions,
): Promise<RunningOrderLifecycle> {
  const { settings, logger } = options;
  const metrics = options.metrics ?? createLifecycleMetrics();
  const service = await startConsumerService({
    ...options,
    name: 'order-lifecycle',
    metricsRegistry: metrics.registry,
    writes: writtenTopics(settings.topics),
    start: async ({ kafka, admin, redis, producers, registry, consume }) => {
      const layout = await partitionLayout(admin, settings.topics);
      const deps: LifecycleTaskDeps = {
        kafka,
        admin,
        producers,
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
      await consume({
        topic: settings.topics.notificationsRaw,
        settings,
        openTask: (partition, heartbeat) => LifecyclePartitionTask.open(deps, partition, heartbeat),
        logger,
        metrics,
        onClosed: (partition) => metrics.parkedOrders.remove({ partition }),
        ...(settings.stopAt && { stopAt: settings.stopAt }),
      });
    },
  });
  const { readiness } = service;
  return {
    metrics,
    joined: service.joined,
    ready: async () => {
      const [kafkaUp, redisUp] = await Promise.all([readiness.kafka(), readiness.redis()]);
      return kafkaUp && redisUp;
    },
    stop: () => service.stop(),
  };
}
