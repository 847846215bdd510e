import {
  startConsumerService,
  type ConsumerServiceInputs,
  type ServiceReadiness,
} from '@clawback/exactly-once';
import type { MerchantDirectory } from '@clawback/merchants';
import { fetchHttpClient } from '../adapters/http/http-client';
import { registryCodecs } from '../batch/codecs';
import { redisCompletedCancellations } from '../completed/completed-cancellations';
import { rebuildCompletedCancellations } from '../completed/rebuild-completed';
import { sharedRebuild } from '../completed/shared-rebuild';
import { CancellationPartitionTask } from '../consumer/cancellation-partition-task';
import type { CancellationTaskDeps } from '../consumer/cancellation-task-deps';
import { lifecycleInput, redriveGroupId, redriveInput } from '../consumer/task-inputs';
import {
  type CancellationMetrics,
  createCancellationMetrics,
} from '../metrics/cancellation-metrics';
import { metricsObserver } from '../metrics/metrics-observer';
import { merchantSettingsOf } from '../settings/parse-merchant-settings';
import type { CancellationServiceSettings } from '../settings/service-settings';
import { merchantAdapters } from './merchant-adapters';
import { writtenTopics } from './written-topics';

/** What {@link startSubscriptionCancellations} needs. */
export interface SubscriptionCancellationsOptions extends ConsumerServiceInputs {
  readonly settings: CancellationServiceSettings;
  /** The loaded merchants file; every `cancellation` section is validated at start. */
  readonly merchants: MerchantDirectory;
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
  readonly readiness: ServiceReadiness;
  /**
   * Graceful stop: outbound calls and backoffs are interrupted (their batch stays uncommitted
   * and is redone by the next owner, without calling again what is recorded as done), then
   * everything disconnects.
   */
  stop(): Promise<void>;
}

/**
 * Starts the service in this process, on `@clawback/exactly-once`'s consumer skeleton:
 * validates the merchants' `cancellation` sections, registers the output schemas, rebuilds the
 * completed-cancellations record from the topic, then consumes `orders.lifecycle.events` and
 * `subscriptions.cancellations.redrive` with one {@link CancellationPartitionTask} per input
 * partition. The entry point of `main.ts`, of
 * end-to-end tests and demos.
 */
export async function startSubscriptionCancellations(
  options: SubscriptionCancellationsOptions,
): Promise<RunningSubscriptionCancellations> {
  const { settings, logger } = options;
  const merchants = merchantSettingsOf(options.merchants);
  const metrics = options.metrics ?? createCancellationMetrics();
  const now = options.now ?? Date.now;
  const service = await startConsumerService({
    ...options,
    name: 'subscription-cancellations',
    metricsRegistry: metrics.registry,
    writes: writtenTopics(settings.topics),
    start: async ({ kafka, admin, redis, producers, registry, consume, onStop }) => {
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
      // Outbound calls and backoffs are interrupted at the stop: their batch stays uncommitted
      // and is redone by the next owner, without calling again what is recorded as done.
      const stopping = new AbortController();
      onStop(() => stopping.abort());
      const deps: CancellationTaskDeps = {
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
      const lifecycle = lifecycleInput(deps);
      await consume({
        topic: lifecycle.topic,
        settings,
        openTask: (partition) => CancellationPartitionTask.open(deps, lifecycle, partition),
        logger,
        metrics,
      });
      // Operators' redrives (ADR 0019): a consumer group of their own.
      const redrives = redriveInput(deps, kafka, (value) => registry.decode(value));
      await consume({
        topic: redrives.topic,
        settings: { ...settings, groupId: redriveGroupId(settings.groupId) },
        openTask: (partition) => CancellationPartitionTask.open(deps, redrives, partition),
        logger,
        metrics,
      });
    },
  });
  return {
    metrics,
    joined: service.joined,
    readiness: service.readiness,
    stop: () => service.stop(),
  };
}
