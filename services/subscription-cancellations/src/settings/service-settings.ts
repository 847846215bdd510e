import { integerAtLeastFrom as int, kafkaNamePartFrom as name, type Env } from '@clawback/config';
import { topicNames, type TopicNames } from '@clawback/kafka';

/** Retry budget of one subscription's cancellation. */
export interface RetrySettings {
  /** Calls in total, the first included. */
  readonly maxAttempts: number;
  /** Backoff ceiling before the second call; doubles per attempt (full jitter). */
  readonly initialDelayMs: number;
  /** Upper bound of one backoff delay (a longer `Retry-After` is still honoured). */
  readonly maxDelayMs: number;
  /** No call starts later than this after the first one. */
  readonly maxTotalMs: number;
  /** Timeout of each outbound request. */
  readonly requestTimeoutMs: number;
}

/** How the service runs; everything that names a Kafka resource included. */
export interface CancellationServiceSettings {
  readonly topics: TopicNames;
  /** Consumer group on `orders.lifecycle.events`; its offsets are committed in transactions. */
  readonly groupId: string;
  /** Transactional ids are `<prefix>-subscription-cancellations-<input topic>-<partition>`. */
  readonly transactionalIdPrefix: string;
  readonly sessionTimeoutMs: number;
  readonly transactionTimeoutMs: number;
  /** Input partitions processed at the same time. */
  readonly partitionConcurrency: number;
  /** Outbound calls in flight at once within one partition's batch. */
  readonly callConcurrency: number;
  /** Input records per transaction: bounds the work redone after a crash. */
  readonly recordsPerTransaction: number;
  /** Upper bound for rebuilding the completed-cancellations record at start. */
  readonly rebuildTimeoutMs: number;
  readonly retry: RetrySettings;
}

/** Defaults for everything but the topics. */
export const defaultServiceSettings = {
  groupId: 'clawback-subscription-cancellations',
  transactionalIdPrefix: 'clawback',
  sessionTimeoutMs: 30_000,
  transactionTimeoutMs: 60_000,
  partitionConcurrency: 4,
  callConcurrency: 8,
  recordsPerTransaction: 50,
  rebuildTimeoutMs: 300_000,
  retry: {
    maxAttempts: 6,
    initialDelayMs: 500,
    maxDelayMs: 30_000,
    maxTotalMs: 120_000,
    requestTimeoutMs: 10_000,
  },
} as const;

/**
 * Reads the `CANCELLATIONS_*` variables (see docs/subscription-cancellations.md); topics
 * follow `KAFKA_TOPIC_PREFIX`, passed in as `topicPrefix`.
 *
 * @throws ConfigError naming the offending variable.
 */
export function loadServiceSettings(env: Env, topicPrefix: string): CancellationServiceSettings {
  const d = defaultServiceSettings;
  const r = d.retry;
  return {
    topics: topicNames(topicPrefix),
    groupId: name(env, 'CANCELLATIONS_GROUP_ID') ?? d.groupId,
    transactionalIdPrefix:
      name(env, 'CANCELLATIONS_TRANSACTIONAL_ID_PREFIX') ?? d.transactionalIdPrefix,
    sessionTimeoutMs: int(env, 'CANCELLATIONS_SESSION_TIMEOUT_MS', d.sessionTimeoutMs, 6000),
    transactionTimeoutMs: int(
      env,
      'CANCELLATIONS_TRANSACTION_TIMEOUT_MS',
      d.transactionTimeoutMs,
      1000,
    ),
    partitionConcurrency: int(
      env,
      'CANCELLATIONS_PARTITION_CONCURRENCY',
      d.partitionConcurrency,
      1,
    ),
    callConcurrency: int(env, 'CANCELLATIONS_CALL_CONCURRENCY', d.callConcurrency, 1),
    recordsPerTransaction: int(
      env,
      'CANCELLATIONS_RECORDS_PER_TRANSACTION',
      d.recordsPerTransaction,
      1,
    ),
    rebuildTimeoutMs: int(env, 'CANCELLATIONS_REBUILD_TIMEOUT_MS', d.rebuildTimeoutMs, 1000),
    retry: {
      maxAttempts: int(env, 'CANCELLATIONS_MAX_ATTEMPTS', r.maxAttempts, 1),
      initialDelayMs: int(env, 'CANCELLATIONS_INITIAL_DELAY_MS', r.initialDelayMs, 1),
      maxDelayMs: int(env, 'CANCELLATIONS_MAX_DELAY_MS', r.maxDelayMs, 1),
      maxTotalMs: int(env, 'CANCELLATIONS_MAX_TOTAL_MS', r.maxTotalMs, 0),
      requestTimeoutMs: int(env, 'CANCELLATIONS_REQUEST_TIMEOUT_MS', r.requestTimeoutMs, 100),
    },
  };
}
