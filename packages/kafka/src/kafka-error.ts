import { ClawbackError } from '@clawback/errors';

/** Stable error codes of the Kafka module. */
export type KafkaErrorCode =
  | 'kafka_unavailable'
  | 'kafka_timeout'
  | 'kafka_rebalancing'
  | 'kafka_concurrent_transactions'
  | 'kafka_producer_fenced'
  | 'kafka_invalid_transaction_state'
  | 'kafka_out_of_order_sequence'
  | 'kafka_unknown_topic'
  | 'kafka_not_authorized'
  /** The brokers rejected the SASL credentials or mechanism (start-up check). */
  | 'kafka_authentication_failed'
  /** The brokers' TLS certificate did not verify against the trusted CAs (start-up check). */
  | 'kafka_tls_untrusted'
  | 'kafka_message_too_large'
  | 'kafka_topic_mismatch'
  /** The installed kafkajs is not the version our patch of its internals was written for. */
  | 'kafka_client_incompatible'
  | 'kafka_error';

/** A Kafka failure with a stable code; the kafkajs error is kept as `cause`. */
export class KafkaError extends ClawbackError<KafkaErrorCode> {
  /** The Kafka protocol error name (e.g. `INVALID_PRODUCER_EPOCH`), when there was one. */
  readonly kafkaType: string | undefined;

  constructor(
    code: KafkaErrorCode,
    message: string,
    options: { retriable: boolean; cause?: unknown; kafkaType?: string },
  ) {
    super(code, message, options);
    this.kafkaType = options.kafkaType;
  }
}

/** Protocol error types (kafkajs `error.type`) by our code, with whether retrying can help. */
const protocolCodes: Readonly<Record<string, readonly [KafkaErrorCode, boolean]>> = {
  // A newer producer with the same transactionalId exists: this one is a zombie and must stop.
  INVALID_PRODUCER_EPOCH: ['kafka_producer_fenced', false],
  PRODUCER_FENCED: ['kafka_producer_fenced', false],
  // The previous transaction of this id is still completing; kafkajs does not retry this on
  // addOffsetsToTxn (tulios/kafkajs#430), so callers retry the whole transaction.
  CONCURRENT_TRANSACTIONS: ['kafka_concurrent_transactions', true],
  INVALID_TXN_STATE: ['kafka_invalid_transaction_state', false],
  INVALID_PRODUCER_ID_MAPPING: ['kafka_invalid_transaction_state', false],
  OUT_OF_ORDER_SEQUENCE_NUMBER: ['kafka_out_of_order_sequence', false],
  REBALANCE_IN_PROGRESS: ['kafka_rebalancing', true],
  ILLEGAL_GENERATION: ['kafka_rebalancing', true],
  UNKNOWN_MEMBER_ID: ['kafka_rebalancing', true],
  NOT_COORDINATOR_FOR_GROUP: ['kafka_rebalancing', true],
  // A new cluster's (or a moved) coordinator answers these until it has loaded its partition
  // of __consumer_offsets / __transaction_state; kafkajs retries them.
  GROUP_COORDINATOR_NOT_AVAILABLE: ['kafka_unavailable', true],
  GROUP_LOAD_IN_PROGRESS: ['kafka_unavailable', true],
  NETWORK_EXCEPTION: ['kafka_unavailable', true],
  // Also seen for a moment after a topic is created, hence retriable (with bounded retries).
  UNKNOWN_TOPIC_OR_PARTITION: ['kafka_unknown_topic', true],
  TOPIC_AUTHORIZATION_FAILED: ['kafka_not_authorized', false],
  GROUP_AUTHORIZATION_FAILED: ['kafka_not_authorized', false],
  CLUSTER_AUTHORIZATION_FAILED: ['kafka_not_authorized', false],
  TRANSACTIONAL_ID_AUTHORIZATION_FAILED: ['kafka_not_authorized', false],
  SASL_AUTHENTICATION_FAILED: ['kafka_not_authorized', false],
  MESSAGE_TOO_LARGE: ['kafka_message_too_large', false],
  RECORD_LIST_TOO_LARGE: ['kafka_message_too_large', false],
  NOT_ENOUGH_REPLICAS: ['kafka_unavailable', true],
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: ['kafka_unavailable', true],
  LEADER_NOT_AVAILABLE: ['kafka_unavailable', true],
  NOT_LEADER_FOR_PARTITION: ['kafka_unavailable', true],
  REQUEST_TIMED_OUT: ['kafka_timeout', true],
};

/** True for a protocol error type (e.g. `CONCURRENT_TRANSACTIONS`) that a retry can fix. */
export function isRetriableProtocolType(type: string): boolean {
  return protocolCodes[type]?.[1] === true;
}

/** kafkajs error class names by our code (classes without a protocol `type`). */
const classCodes: Readonly<Record<string, readonly [KafkaErrorCode, boolean]>> = {
  KafkaJSConnectionError: ['kafka_unavailable', true],
  KafkaJSConnectionClosedError: ['kafka_unavailable', true],
  KafkaJSBrokerNotFound: ['kafka_unavailable', true],
  KafkaJSNoBrokerAvailableError: ['kafka_unavailable', true],
  KafkaJSGroupCoordinatorNotFound: ['kafka_unavailable', true],
  KafkaJSMetadataNotLoaded: ['kafka_unavailable', true],
  KafkaJSRequestTimeoutError: ['kafka_timeout', true],
  KafkaJSTimeout: ['kafka_timeout', true],
  KafkaJSLockTimeout: ['kafka_timeout', true],
  KafkaJSSASLAuthenticationError: ['kafka_not_authorized', false],
};

interface KafkaJsLike {
  readonly name?: unknown;
  readonly type?: unknown;
  readonly retriable?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
  readonly originalError?: unknown;
  readonly errors?: unknown;
}

/** The error that says what went wrong: kafkajs wraps it in retry and aggregate errors. */
function innermost(error: unknown): KafkaJsLike {
  let current = (error ?? {}) as KafkaJsLike;
  for (let depth = 0; depth < 5; depth++) {
    if (current.name === 'KafkaJSNumberOfRetriesExceeded' && current.cause) {
      current = current.cause;
    } else if (current.name === 'KafkaJSAggregateError' && Array.isArray(current.errors)) {
      current = (current.errors[0] ?? current) as KafkaJsLike;
      if (current === error) break;
    } else if (current.name === 'KafkaJSNonRetriableError' && current.cause) {
      current = current.cause;
    } else break;
  }
  return current;
}

/** kafkajs predates PRODUCER_FENCED (code 90, Kafka 2.7+) and reports it as unknown. */
function protocolType(type: string, message: unknown): string {
  return type === 'KAFKAJS_UNKNOWN_ERROR_CODE' && message === 'Unknown error code 90'
    ? 'PRODUCER_FENCED'
    : type;
}

/**
 * Maps anything kafkajs throws to a {@link KafkaError} with a stable code. `context` says what
 * we were doing ("committing the transaction"), for the message. Already-mapped errors pass
 * through unchanged.
 */
export function toKafkaError(error: unknown, context?: string): KafkaError {
  if (error instanceof KafkaError) return error;
  const inner = innermost(error);
  const type = typeof inner.type === 'string' ? protocolType(inner.type, inner.message) : undefined;
  const name = typeof inner.name === 'string' ? inner.name : '';
  const known = (type === undefined ? undefined : protocolCodes[type]) ?? classCodes[name];
  const [code, retriable]: readonly [KafkaErrorCode, boolean] = known ?? [
    'kafka_error',
    inner.retriable === true,
  ];
  const text = typeof inner.message === 'string' ? inner.message : String(error);
  return new KafkaError(code, context ? `${context}: ${text}` : text, {
    retriable,
    cause: error,
    ...(type !== undefined && { kafkaType: type }),
  });
}
