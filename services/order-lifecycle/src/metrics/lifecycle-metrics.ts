import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The consumer's Prometheus metrics (names are `clawback_lifecycle_*`). */
export interface LifecycleMetrics {
  readonly registry: Registry;
  /** Input records processed, by outcome (`applied`, `dead_lettered`). */
  readonly notifications: Counter<'outcome'>;
  /** Derived events written, by type: the transitions. */
  readonly events: Counter<'type'>;
  /** `NotificationRejected` events, by reason. */
  readonly rejections: Counter<'reason'>;
  /** Dead-lettered records, by error code. */
  readonly deadLetters: Counter<'code'>;
  /** Orders with parked notifications, per input partition this instance owns. */
  readonly parkedOrders: Gauge<'partition'>;
  /** Records between the committed position and the partition's end, per input partition. */
  readonly consumerLag: Gauge<'partition'>;
  /** Time from beginning to committing a transaction. */
  readonly commitSeconds: Histogram;
  /** Transactions by result (`committed`, `aborted`, `fenced`). */
  readonly transactions: Counter<'result'>;
  /**
   * Retries of a transaction's first request while the coordinator still wrote the previous
   * commit's markers (`CONCURRENT_TRANSACTIONS`): normal, counted here rather than logged.
   */
  readonly transactionRetries: Counter;
  /**
   * Where a batch's time goes, by stage: `queued` (the oldest record's produce time to the
   * start of its processing: fetch wait plus the batches ahead of it), `load` (decode the
   * records, read their snapshots from Redis),
   * `apply` (decode, decide, encode), `commit` (the transaction), `cache_save` (Redis).
   */
  readonly batchStageSeconds: Histogram<'stage'>;
  /** Input records per batch, i.e. per transaction: how batching follows the arrival rate. */
  readonly batchRecords: Histogram;
  /** Cache catch-ups, by why (`assigned`, `cache_moved`). */
  readonly catchUps: Counter<'reason'>;
  /** Consumer restarts after kafkajs gave up. */
  readonly restarts: Counter;
}

/** Creates the metrics in `registry` (a fresh one by default, so tests do not collide). */
export function createLifecycleMetrics(registry: Registry = new Registry()): LifecycleMetrics {
  const registers = [registry];
  return {
    registry,
    notifications: new Counter({
      name: 'clawback_lifecycle_notifications_total',
      help: 'Input notifications processed, by outcome',
      labelNames: ['outcome'],
      registers,
    }),
    events: new Counter({
      name: 'clawback_lifecycle_events_total',
      help: 'Order-lifecycle events written, by type',
      labelNames: ['type'],
      registers,
    }),
    rejections: new Counter({
      name: 'clawback_lifecycle_rejections_total',
      help: 'NotificationRejected events written, by reason',
      labelNames: ['reason'],
      registers,
    }),
    deadLetters: new Counter({
      name: 'clawback_lifecycle_dead_letters_total',
      help: 'Input records dead-lettered, by error code',
      labelNames: ['code'],
      registers,
    }),
    parkedOrders: new Gauge({
      name: 'clawback_lifecycle_parked_orders',
      help: 'Orders with notifications waiting for their sale, per owned input partition',
      labelNames: ['partition'],
      registers,
    }),
    consumerLag: new Gauge({
      name: 'clawback_lifecycle_consumer_lag',
      help: 'Input records not yet committed, per owned input partition',
      labelNames: ['partition'],
      registers,
    }),
    commitSeconds: new Histogram({
      name: 'clawback_lifecycle_transaction_commit_seconds',
      help: 'Time to write and commit one transaction',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    transactions: new Counter({
      name: 'clawback_lifecycle_transactions_total',
      help: 'Transactions, by result',
      labelNames: ['result'],
      registers,
    }),
    transactionRetries: new Counter({
      name: 'clawback_lifecycle_transaction_retries_total',
      help: 'Transaction starts retried while the previous commit markers were written',
      registers,
    }),
    batchStageSeconds: new Histogram({
      name: 'clawback_lifecycle_batch_stage_seconds',
      help: 'Time per batch in each stage (queued, load, apply, commit, cache_save)',
      labelNames: ['stage'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    batchRecords: new Histogram({
      name: 'clawback_lifecycle_batch_records',
      help: 'Input records per batch (one transaction each)',
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000],
      registers,
    }),
    catchUps: new Counter({
      name: 'clawback_lifecycle_cache_catch_ups_total',
      help: 'Snapshot-cache catch-ups from the state topic, by reason',
      labelNames: ['reason'],
      registers,
    }),
    restarts: new Counter({
      name: 'clawback_lifecycle_consumer_restarts_total',
      help: 'Clean consumer restarts after kafkajs gave up',
      registers,
    }),
  };
}
