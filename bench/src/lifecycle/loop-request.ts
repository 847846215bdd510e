import type { Env } from '@clawback/config';

/** Which consume→produce loop a child runs. */
export type LoopKind =
  /** kafkajs consumer → producer copying each record; offsets committed after each batch. */
  | 'bare'
  /** The same copy inside one transaction per batch, offsets sent with it (no machine). */
  | 'transactional'
  /** The order-lifecycle service itself (machine, registry encoding, transactions, Redis). */
  | 'lifecycle'
  /** A downstream consumer of `orders.lifecycle.events`, started as `npm run <service>` does. */
  | 'commission-reversals'
  | 'subscription-cancellations';

/** What a loop child is asked to do: consume its input topic from the start to its end. */
export interface LoopRequest {
  readonly kind: LoopKind;
  /** The bench environment's variables (topic prefix, Redis key prefix, addresses). */
  readonly env: Env;
  readonly topicPrefix: string;
  /** What the loop consumes: the raw topic, or the lifecycle events for downstream consumers. */
  readonly inputTopic: string;
  /** Where the baselines copy records to. */
  readonly outputTopic: string;
  readonly groupId: string;
  readonly transactionalIdPrefix: string;
  /** Partitions processed at once, and bytes per partition fetch: the lifecycle's defaults. */
  readonly concurrency: number;
  readonly maxBatchBytes: number;
  /**
   * `caught-up`: measure from joining to the last commit of the input topic's current end, then
   * stop. `told`: run until the parent sends any message (end to end), then stop.
   */
  readonly until: 'caught-up' | 'told';
  readonly timeoutMs: number;
}

/** What a loop child measured. */
export interface LoopResult {
  readonly records: number;
  /** From joining the group (the first fetch follows at once) to the last commit. */
  readonly elapsedMs: number;
  readonly recordsPerSecond: number;
  /** Peak resident set size of the child process (sampled every 50 ms), start-up included. */
  readonly peakRssBytes: number;
  /** CPU time over wall time while measured (1 = one core busy). */
  readonly cpuCores: number;
}
