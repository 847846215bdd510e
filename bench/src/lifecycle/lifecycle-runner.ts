import { loadConfig } from '@clawback/config';
import { createLogger } from '@clawback/logging';
import { loadLifecycleSettings, startOrderLifecycle } from '@clawback/order-lifecycle';
import type { RunningLoop } from './copy-loops';
import type { LoopRequest } from './loop-request';

/** What the lifecycle reported about its own work (its Prometheus counters). */
export interface LifecycleCounters {
  readonly [metric: string]: number;
}

/**
 * Starts the order-lifecycle service in this process, exactly as `npm run lifecycle` does but
 * with the run's topics, group and transactional ids.
 */
export async function startLifecycleLoop(
  request: LoopRequest,
): Promise<RunningLoop & { counters(): Promise<LifecycleCounters> }> {
  const config = loadConfig(['kafka', 'schemaRegistry', 'redis'], request.env);
  const settings = {
    ...loadLifecycleSettings(request.env, request.topicPrefix),
    groupId: request.groupId,
    transactionalIdPrefix: request.transactionalIdPrefix,
    partitionConcurrency: request.concurrency,
    maxBatchBytes: request.maxBatchBytes,
  };
  const logger = createLogger({ service: 'order-lifecycle', level: 'warn' });
  const running = await startOrderLifecycle({ config, settings, logger });
  return {
    joined: running.joined,
    stop: () => running.stop(),
    counters: async () => {
      const out: Record<string, number> = {};
      for (const metric of await running.metrics.registry.getMetricsAsJSON()) {
        const histogram = String(metric.type) === 'histogram';
        if (!metric.name.endsWith('_total') && !histogram) continue;
        for (const value of metric.values) {
          // Of a histogram only its sums and counts: means per label set, e.g. per batch stage.
          const name = (value as { metricName?: string }).metricName ?? metric.name;
          if (histogram && !name.endsWith('_sum') && !name.endsWith('_count')) continue;
          const labels = Object.values(value.labels ?? {}).join(',');
          out[labels ? `${name}{${labels}}` : name] = value.value;
        }
      }
      return out;
    },
  };
}
