import { Counter, Gauge, type Registry, createMetricsRegistry } from '@clawback/observability';

/** The service's Prometheus metrics (names are `clawback_commissions_*`). */
export interface CommissionMetrics {
  readonly registry: Registry;
  /** Adjustments committed, by type and reason. */
  readonly adjustments: Counter<'type' | 'reason'>;
  /** Commission-relevant lifecycle events decided, by outcome (`applied`, `unconfigured`, …). */
  readonly decisions: Counter<'outcome'>;
  /** Decider transactions by result (`committed`, `aborted`, `fenced`). */
  readonly transactions: Counter<'result'>;
  /** Records not yet processed, per consumer (`decider`, `ledger`) and owned partition. */
  readonly consumerLag: Gauge<'consumer' | 'partition'>;
  /** Orders whose commission state is held in memory, per owned input partition. */
  readonly ordersInMemory: Gauge<'partition'>;
  /** Partition states restored from the changelog. */
  readonly restores: Counter;
  /** Ledger bookings, by result (`booked`, `duplicate`). */
  readonly bookings: Counter<'result'>;
  /** Ledger partitions projected again from the beginning (no stored position: new or wiped). */
  readonly ledgerRebuilds: Counter;
  /** Ledger losses found (a key missing or disagreeing with the manifest), by who found it. */
  readonly ledgerLosses: Counter<'detectedBy'>;
  /** Consumer restarts after kafkajs gave up, per consumer. */
  readonly restarts: Counter<'consumer'>;
}

/**
 * Creates the metrics in `registry`; by default a fresh one without process metrics, so tests
 * and several services in one process never collide.
 */
export function createCommissionMetrics(
  registry: Registry = createMetricsRegistry({
    service: 'commission-reversals',
    defaultMetrics: false,
  }),
): CommissionMetrics {
  const registers = [registry];
  return {
    registry,
    adjustments: new Counter({
      name: 'clawback_commissions_adjustments_total',
      help: 'Commission adjustments committed, by type and reason',
      labelNames: ['type', 'reason'],
      registers,
    }),
    decisions: new Counter({
      name: 'clawback_commissions_decisions_total',
      help: 'Commission-relevant lifecycle events decided, by outcome',
      labelNames: ['outcome'],
      registers,
    }),
    transactions: new Counter({
      name: 'clawback_commissions_transactions_total',
      help: 'Decider transactions, by result',
      labelNames: ['result'],
      registers,
    }),
    consumerLag: new Gauge({
      name: 'clawback_commissions_consumer_lag',
      help: 'Records not yet processed, per consumer and owned partition',
      labelNames: ['consumer', 'partition'],
      registers,
    }),
    ordersInMemory: new Gauge({
      name: 'clawback_commissions_orders_in_memory',
      help: 'Orders whose commission state is held in memory, per owned input partition',
      labelNames: ['partition'],
      registers,
    }),
    restores: new Counter({
      name: 'clawback_commissions_state_restores_total',
      help: 'Partition states restored from the changelog',
      registers,
    }),
    bookings: new Counter({
      name: 'clawback_commissions_ledger_bookings_total',
      help: 'Ledger bookings, by result',
      labelNames: ['result'],
      registers,
    }),
    ledgerRebuilds: new Counter({
      name: 'clawback_commissions_ledger_rebuilds_total',
      help: 'Ledger partitions projected again from the beginning',
      registers,
    }),
    ledgerLosses: new Counter({
      name: 'clawback_commissions_ledger_losses_total',
      help: 'Ledger losses found (keys missing or disagreeing with the manifest), by who found them',
      labelNames: ['detectedBy'],
      registers,
    }),
    restarts: new Counter({
      name: 'clawback_commissions_consumer_restarts_total',
      help: 'Clean consumer restarts after kafkajs gave up, per consumer',
      labelNames: ['consumer'],
      registers,
    }),
  };
}
