import { integerAtLeastFrom, kafkaNamePartFrom, type Env } from '@clawback/config';
import { topicNames, type TopicNames } from '@clawback/kafka';

/** How the order-lifecycle consumer runs; everything that names a Kafka resource included. */
export interface LifecycleSettings {
  /** Topic names (contract names, or prefixed ones for tests and replays). */
  readonly topics: TopicNames;
  /** Consumer group whose committed offsets (and checkpoints) say how far the input is done. */
  readonly groupId: string;
  /** Transactional ids are `<prefix>-order-lifecycle-<raw topic>-<partition>`. */
  readonly transactionalIdPrefix: string;
  /** Provider-time horizon after which a parked notification is an orphan. Replays must match. */
  readonly orphanHorizonMs: number;
  /** The broker aborts a transaction left open this long by a dead process. */
  readonly transactionTimeoutMs: number;
  /** A member silent for this long loses its partitions. */
  readonly sessionTimeoutMs: number;
  /** Input partitions processed at the same time (each has its own producer). */
  readonly partitionConcurrency: number;
  /** Upper bound for catching one partition's cache up from the state topic. */
  readonly catchUpTimeoutMs: number;
  /** Bytes fetched per partition and poll: the size of one batch, hence of one transaction. */
  readonly maxBatchBytes: number;
  /**
   * Per input partition, the offset at which to stop (exclusive): a replay up to a fixed point.
   * Absent for the live consumer.
   */
  readonly stopAt?: Readonly<Record<number, string>>;
}

const DAY = 86_400_000;

/** Defaults for everything but the topics. */
export const defaultLifecycleSettings = {
  groupId: 'clawback-order-lifecycle',
  transactionalIdPrefix: 'clawback',
  orphanHorizonMs: 7 * DAY,
  transactionTimeoutMs: 60_000,
  sessionTimeoutMs: 30_000,
  partitionConcurrency: 12,
  catchUpTimeoutMs: 300_000,
  maxBatchBytes: 1_048_576,
} as const;

/**
 * Reads the `LIFECYCLE_*` variables: `LIFECYCLE_GROUP_ID`, `LIFECYCLE_TRANSACTIONAL_ID_PREFIX`,
 * `LIFECYCLE_ORPHAN_HORIZON_MS`, `LIFECYCLE_TRANSACTION_TIMEOUT_MS`,
 * `LIFECYCLE_SESSION_TIMEOUT_MS`, `LIFECYCLE_PARTITION_CONCURRENCY`,
 * `LIFECYCLE_CATCH_UP_TIMEOUT_MS`, `LIFECYCLE_MAX_BATCH_BYTES`. `LIFECYCLE_CONCURRENCY` is the
 * deprecated name of `LIFECYCLE_PARTITION_CONCURRENCY`, still read when the new one is unset.
 * Topics follow `KAFKA_TOPIC_PREFIX`, passed in as `topicPrefix`.
 *
 * @throws ConfigError naming the offending variable.
 */
export function loadLifecycleSettings(env: Env, topicPrefix: string): LifecycleSettings {
  const d = defaultLifecycleSettings;
  return {
    topics: topicNames(topicPrefix),
    groupId: kafkaNamePartFrom(env, 'LIFECYCLE_GROUP_ID') ?? d.groupId,
    transactionalIdPrefix:
      kafkaNamePartFrom(env, 'LIFECYCLE_TRANSACTIONAL_ID_PREFIX') ?? d.transactionalIdPrefix,
    orphanHorizonMs: integerAtLeastFrom(env, 'LIFECYCLE_ORPHAN_HORIZON_MS', d.orphanHorizonMs, 0),
    transactionTimeoutMs: integerAtLeastFrom(
      env,
      'LIFECYCLE_TRANSACTION_TIMEOUT_MS',
      d.transactionTimeoutMs,
      1000,
    ),
    sessionTimeoutMs: integerAtLeastFrom(
      env,
      'LIFECYCLE_SESSION_TIMEOUT_MS',
      d.sessionTimeoutMs,
      6000,
    ),
    partitionConcurrency: integerAtLeastFrom(
      env,
      'LIFECYCLE_PARTITION_CONCURRENCY',
      // Deprecated name, read when the new one is unset.
      integerAtLeastFrom(env, 'LIFECYCLE_CONCURRENCY', d.partitionConcurrency, 1),
      1,
    ),
    catchUpTimeoutMs: integerAtLeastFrom(
      env,
      'LIFECYCLE_CATCH_UP_TIMEOUT_MS',
      d.catchUpTimeoutMs,
      1000,
    ),
    maxBatchBytes: integerAtLeastFrom(env, 'LIFECYCLE_MAX_BATCH_BYTES', d.maxBatchBytes, 1024),
  };
}
