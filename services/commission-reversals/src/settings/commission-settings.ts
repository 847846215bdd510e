import {
  integerAtLeastFrom,
  kafkaNamePartFrom,
  type Env,
  type KafkaConfig,
} from '@clawback/config';
import { topicNames, type TopicNames } from '@clawback/kafka';

/** How the service runs; everything that names a Kafka resource included. */
export interface CommissionSettings {
  readonly topics: TopicNames;
  /**
   * Consumer group of the decider on `orders.lifecycle.events` (offsets committed in its
   * transactions); the ledger projector's group is `<groupId>-ledger`.
   */
  readonly groupId: string;
  /** Transactional ids are `<prefix>-commission-reversals-<events topic>-<partition>`. */
  readonly transactionalIdPrefix: string;
  readonly sessionTimeoutMs: number;
  /** The broker aborts a transaction left open this long by a dead process. */
  readonly transactionTimeoutMs: number;
  /** Input partitions processed at the same time, per consumer. */
  readonly partitionConcurrency: number;
  /** Bytes fetched per partition and poll (kafkajs may still hand over a larger record batch). */
  readonly maxBatchBytes: number;
  /** Input records per decider transaction at most: bounds a transaction and redone work. */
  readonly recordsPerTransaction: number;
  /** Upper bound for restoring one partition's order states from the changelog. */
  readonly restoreTimeoutMs: number;
  /** How often the ledger checks that Redis still holds its generation (else it rebuilds). */
  readonly ledgerCheckIntervalMs: number;
}

/** Defaults for everything but the topics and the transactional id prefix. */
export const defaultCommissionSettings = {
  groupId: 'clawback-commission-reversals',
  sessionTimeoutMs: 30_000,
  transactionTimeoutMs: 60_000,
  partitionConcurrency: 12,
  maxBatchBytes: 1_048_576,
  // Above what a 1 MiB fetch holds (about 4,000 lifecycle events): under a backlog one
  // transaction per fetched batch, not nine; redoing a decider slice costs no outside calls.
  recordsPerTransaction: 5_000,
  restoreTimeoutMs: 300_000,
  ledgerCheckIntervalMs: 5_000,
} as const;

/** The ledger projector's consumer group. */
export const ledgerGroupId = (settings: Pick<CommissionSettings, 'groupId'>): string =>
  `${settings.groupId}-ledger`;

/**
 * Reads the `COMMISSIONS_*` variables (see docs/commission-reversals.md). Topics follow
 * `KAFKA_TOPIC_PREFIX` and the transactional id prefix defaults to
 * `KAFKA_TRANSACTIONAL_ID_PREFIX`, both from `kafka`.
 *
 * @throws ConfigError naming the offending variable.
 */
export function loadCommissionSettings(
  env: Env,
  kafka: Pick<KafkaConfig, 'topicPrefix' | 'transactionalIdPrefix'>,
): CommissionSettings {
  const d = defaultCommissionSettings;
  return {
    topics: topicNames(kafka.topicPrefix),
    groupId: kafkaNamePartFrom(env, 'COMMISSIONS_GROUP_ID') ?? d.groupId,
    transactionalIdPrefix:
      kafkaNamePartFrom(env, 'COMMISSIONS_TRANSACTIONAL_ID_PREFIX') ?? kafka.transactionalIdPrefix,
    sessionTimeoutMs: integerAtLeastFrom(
      env,
      'COMMISSIONS_SESSION_TIMEOUT_MS',
      d.sessionTimeoutMs,
      6000,
    ),
    transactionTimeoutMs: integerAtLeastFrom(
      env,
      'COMMISSIONS_TRANSACTION_TIMEOUT_MS',
      d.transactionTimeoutMs,
      1000,
    ),
    partitionConcurrency: integerAtLeastFrom(
      env,
      'COMMISSIONS_PARTITION_CONCURRENCY',
      d.partitionConcurrency,
      1,
    ),
    maxBatchBytes: integerAtLeastFrom(env, 'COMMISSIONS_MAX_BATCH_BYTES', d.maxBatchBytes, 1024),
    recordsPerTransaction: integerAtLeastFrom(
      env,
      'COMMISSIONS_RECORDS_PER_TRANSACTION',
      d.recordsPerTransaction,
      1,
    ),
    restoreTimeoutMs: integerAtLeastFrom(
      env,
      'COMMISSIONS_RESTORE_TIMEOUT_MS',
      d.restoreTimeoutMs,
      1000,
    ),
    ledgerCheckIntervalMs: integerAtLeastFrom(
      env,
      'COMMISSIONS_LEDGER_CHECK_INTERVAL_MS',
      d.ledgerCheckIntervalMs,
      100,
    ),
  };
}
