import type { Registry } from '@clawback/observability';

/** What a service reported about its own work (its Prometheus counters and histogram sums). */
export interface ServiceCounters {
  readonly [metric: string]: number;
}

/**
 * A service's counters (`*_total`) and, of its histograms, only the sums and counts: enough
 * for means per label set (e.g. per batch stage) without every bucket.
 */
export async function serviceCounters(registry: Registry): Promise<ServiceCounters> {
  const out: Record<string, number> = {};
  for (const metric of await registry.getMetricsAsJSON()) {
    const histogram = String(metric.type) === 'histogram';
    if (!metric.name.endsWith('_total') && !histogram) continue;
    for (const value of metric.values) {
      const name = (value as { metricName?: string }).metricName ?? metric.name;
      if (histogram && !name.endsWith('_sum') && !name.endsWith('_count')) continue;
      const labels = Object.values(value.labels ?? {}).join(',');
      out[labels ? `${name}{${labels}}` : name] = value.value;
    }
  }
  return out;
}
