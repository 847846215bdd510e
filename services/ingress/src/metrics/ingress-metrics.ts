import { Counter, Histogram, type Registry } from 'prom-client';

/** The ingress's Prometheus metrics. */
export interface IngressMetrics {
  readonly requests: Counter<'provider' | 'outcome'>;
  readonly publishSeconds: Histogram<'result'>;
  readonly duplicatesSuppressed: Counter<'provider'>;
  readonly dedupeErrors: Counter<'operation'>;
}

/** Registers the ingress metrics on `registry`. */
export function createIngressMetrics(registry: Registry): IngressMetrics {
  const registers = [registry];
  return {
    requests: new Counter({
      name: 'clawback_ingress_requests_total',
      help: 'Notification requests by provider and outcome (accepted, duplicate or an error code).',
      labelNames: ['provider', 'outcome'],
      registers,
    }),
    publishSeconds: new Histogram({
      name: 'clawback_ingress_publish_duration_seconds',
      help: 'Time from handing a record to Kafka to its acknowledgement (or giving up).',
      labelNames: ['result'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    duplicatesSuppressed: new Counter({
      name: 'clawback_ingress_duplicates_suppressed_total',
      help: 'Notifications answered without publishing because the edge dedupe had seen them.',
      labelNames: ['provider'],
      registers,
    }),
    dedupeErrors: new Counter({
      name: 'clawback_ingress_dedupe_errors_total',
      help: 'Edge dedupe lookups or writes that failed or timed out (the request went on).',
      labelNames: ['operation'],
      registers,
    }),
  };
}
