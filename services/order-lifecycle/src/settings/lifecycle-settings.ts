import { ConfigError, type Env } from '@clawback/config';
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
  readonly concurrency: number;
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
  concurrency: 4,
  catchUpTimeoutMs: 300_000,
  maxBatchBytes: 1_048_576,
} as const;

/**
 * Reads the `LIFECYCLE_*` variables: `LIFECYCLE_GROUP_ID`, `LIFECYCLE_TRANSACTIONAL_ID_PREFIX`,
 * `LIFECYCLE_ORPHAN_HORIZON_MS`, `LIFECYCLE_TRANSACTION_TIMEOUT_MS`,
 * `LIFECYCLE_SESSION_TIMEOUT_MS`, `LIFECYCLE_CONCURRENCY`, `LIFECYCLE_CATCH_UP_TIMEOUT_MS`,
 * `LIFECYCLE_MAX_BATCH_BYTES`.
 * Topics follow `KAFKA_TOPIC_PREFIX`, passed in as `topicPrefix`.
 *
 * @throws ConfigError naming the offending variable.
 */
export function loadLifecycleSettings(env: Env, topicPrefix: string): LifecycleSettings {
  const d = defaultLifecycleSettings;
  return {
    topics: topicNames(topicPrefix),
    groupId: text(env, 'LIFECYCLE_GROUP_ID') ?? d.groupId,
    transactionalIdPrefix:
      text(env, 'LIFECYCLE_TRANSACTIONAL_ID_PREFIX') ?? d.transactionalIdPrefix,
    orphanHorizonMs: integer(env, 'LIFECYCLE_ORPHAN_HORIZON_MS', d.orphanHorizonMs, 0),
    transactionTimeoutMs: integer(
      env,
      'LIFECYCLE_TRANSACTION_TIMEOUT_MS',
      d.transactionTimeoutMs,
      1000,
    ),
    sessionTimeoutMs: integer(env, 'LIFECYCLE_SESSION_TIMEOUT_MS', d.sessionTimeoutMs, 6000),
    concurrency: integer(env, 'LIFECYCLE_CONCURRENCY', d.concurrency, 1),
    catchUpTimeoutMs: integer(env, 'LIFECYCLE_CATCH_UP_TIMEOUT_MS', d.catchUpTimeoutMs, 1000),
    maxBatchBytes: integer(env, 'LIFECYCLE_MAX_BATCH_BYTES', d.maxBatchBytes, 1024),
  };
}

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return undefined;
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(value)) {
    throw new ConfigError(
      'config_invalid',
      name,
      `"${value}" may only contain letters, digits, ".", "_", "-"`,
    );
  }
  return value;
}

function integer(env: Env, name: string, fallback: number, min: number): number {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return fallback;
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min) {
    throw new ConfigError(
      'config_invalid',
      name,
      `"${value}" is not an integer of at least ${min}`,
    );
  }
  return parsed;
}
