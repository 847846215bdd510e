import { Registry, collectDefaultMetrics } from 'prom-client';

/** Options for {@link createMetricsRegistry}. */
export interface MetricsRegistryOptions {
  /** Added as the `service` label to every metric. */
  readonly service: string;
  /** Process metrics (CPU, memory, event-loop lag, GC). Default true. */
  readonly defaultMetrics?: boolean;
}

/**
 * A Prometheus registry of the service's own (not prom-client's global one, so tests and
 * several services in one process never clash), with the standard process metrics.
 */
export function createMetricsRegistry(options: MetricsRegistryOptions): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.service });
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  return registry;
}
