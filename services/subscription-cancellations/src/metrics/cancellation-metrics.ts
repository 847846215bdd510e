import { Counter, Gauge, type Registry, createMetricsRegistry } from '@clawback/observability';

/** The service's Prometheus metrics (names are `clawback_cancellations_*`). */
export interface CancellationMetrics {
  readonly registry: Registry;
  /** Requests carried out, by adapter and outcome (`cancelled`, `already_cancelled`, `failed`, `superseded`). */
  readonly outcomes: Counter<'adapter' | 'outcome'>;
  /** Lifecycle events that cancel nothing, by reason. */
  readonly ignored: Counter<'reason'>;
  /** Retries of outbound calls, by adapter and error code. */
  readonly retries: Counter<'adapter' | 'code'>;
  /** Dead letters written, by error code. */
  readonly deadLetters: Counter<'code'>;
  /** Transactions by result (`committed`, `aborted`, `fenced`). */
  readonly transactions: Counter<'result'>;
  /** Input records between the committed position and the partition's end, per owned partition. */
  readonly consumerLag: Gauge<'partition'>;
  /** Consumer restarts after kafkajs gave up. */
  readonly restarts: Counter;
  /** Rebuilds of the completed-cancellations record from the topic, by `trigger` (`start`, `lost`). */
  readonly recordRebuilds: Counter<'trigger'>;
}

/**
 * Creates the metrics in `registry`; by default a fresh one without process metrics, so tests
 * and several services in one process never collide.
 */
export function createCancellationMetrics(
  registry: Registry = createMetricsRegistry({
    service: 'subscription-cancellations',
    defaultMetrics: false,
  }),
): CancellationMetrics {
  const registers = [registry];
  return {
    registry,
    outcomes: new Counter({
      name: 'clawback_cancellations_total',
      help: 'Subscription cancellations carried out, by adapter and outcome',
      labelNames: ['adapter', 'outcome'],
      registers,
    }),
    ignored: new Counter({
      name: 'clawback_cancellations_ignored_events_total',
      help: 'Lifecycle events that cancel no subscription, by reason',
      labelNames: ['reason'],
      registers,
    }),
    retries: new Counter({
      name: 'clawback_cancellations_retries_total',
      help: 'Retried outbound calls, by adapter and error code',
      labelNames: ['adapter', 'code'],
      registers,
    }),
    deadLetters: new Counter({
      name: 'clawback_cancellations_dead_letters_total',
      help: 'Dead letters written, by error code',
      labelNames: ['code'],
      registers,
    }),
    transactions: new Counter({
      name: 'clawback_cancellations_transactions_total',
      help: 'Transactions, by result',
      labelNames: ['result'],
      registers,
    }),
    consumerLag: new Gauge({
      name: 'clawback_cancellations_consumer_lag',
      help: 'Input records not yet committed, per owned input partition',
      labelNames: ['partition'],
      registers,
    }),
    restarts: new Counter({
      name: 'clawback_cancellations_consumer_restarts_total',
      help: 'Clean consumer restarts after kafkajs gave up',
      registers,
    }),
    recordRebuilds: new Counter({
      name: 'clawback_cancellations_record_rebuilds_total',
      help: 'Rebuilds of the completed-cancellations record from the topic, by trigger',
      labelNames: ['trigger'],
      registers,
    }),
  };
}
