import { ClawbackError } from '@clawback/errors';
import { isExactlyOnceError, type ExactlyOnceErrorCode } from '@clawback/exactly-once';

/**
 * Stable error codes of the order-lifecycle service.
 *
 * Dead-letter codes (written to `payments.notifications.dlq`, never retriable: the same bytes
 * fail the same way every time):
 * - `undecodable_record`: the raw record is not a readable Avro `RawNotification`.
 * - `unknown_provider`: the record names a provider no adapter exists for.
 * - `order_key_mismatch`: the normalized order key differs from the record's key, so the
 *   order's state would live in another partition.
 * - `invalid_operator_command`: an `operator` record (ADR 0014) that is not a usable command.
 * - `implausible_received_at`: the record's ingress `receivedAt` is outside 2000…2100, so it
 *   cannot bound the partition's watermark.
 * - `unprocessable_record`: normalizing or applying the record threw something that is not a
 *   typed error (a defect); the record is set aside so the partition keeps moving.
 * - provider adapter codes (`malformed_body`, `missing_field`, `invalid_date`, …)
 *   and order-machine codes (`unplaceable_notification`, …) pass through unchanged.
 *
 * Operational codes (the first four are also what the `@clawback/exactly-once` errors become,
 * see {@link toLifecycleError}):
 * - `producer_fenced`: another instance initialised this partition's transactional id; this
 *   instance must not write for the partition any more (retriable: the partition session is
 *   rebuilt from committed data, which fences the other one in turn only if the group says so).
 * - `transaction_failed`: a transaction could not be committed; it was aborted (retriable).
 * - `cache_unavailable`: Redis could not be read or written (retriable).
 * - `catch_up_failed`: the snapshot cache could not be caught up from the state topic (retriable).
 * - `invalid_checkpoint`: the metadata committed with the input offset is unreadable.
 * - `partition_count_mismatch`: the state topic does not have the raw topic's partition count,
 *   so snapshots could not be co-partitioned with their orders.
 * - `replay_mismatch`: a replay produced events that differ from the originals.
 * - `invalid_arguments`: a command line or option error.
 */
export type LifecycleErrorCode =
  | 'undecodable_record'
  | 'unknown_provider'
  | 'order_key_mismatch'
  | 'implausible_received_at'
  | 'unprocessable_record'
  | 'producer_fenced'
  | 'transaction_failed'
  | 'cache_unavailable'
  | 'catch_up_failed'
  | 'invalid_checkpoint'
  | 'partition_count_mismatch'
  | 'replay_mismatch'
  | 'invalid_arguments';

const retriableCodes: ReadonlySet<LifecycleErrorCode> = new Set([
  'producer_fenced',
  'transaction_failed',
  'cache_unavailable',
  'catch_up_failed',
]);

/** The one error the order-lifecycle service throws. Retriability follows from the code. */
export class LifecycleError extends ClawbackError<LifecycleErrorCode> {
  constructor(code: LifecycleErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, { retriable: retriableCodes.has(code), cause: options.cause });
  }
}

/**
 * True when `error` is a {@link LifecycleError}, optionally with the given code.
 * TODO(skeleton): only consumer/ still calls this (and {@link toLifecycleError}); elsewhere the
 * service checks `error instanceof LifecycleError && error.code === …`, like every other package.
 */
export function isLifecycleError(
  error: unknown,
  code?: LifecycleErrorCode,
): error is LifecycleError {
  return error instanceof LifecycleError && (code === undefined || error.code === code);
}

/**
 * The lifecycle's code for the errors of the shared exactly-once building blocks. Partial on
 * purpose: a code the package adds later passes through unchanged until it is mapped here.
 */
const fromExactlyOnce: Readonly<Partial<Record<ExactlyOnceErrorCode, LifecycleErrorCode>>> = {
  producer_fenced: 'producer_fenced',
  transaction_failed: 'transaction_failed',
  // The consumer reads partitions on the side only to catch its cache up from the state topic.
  partition_read_failed: 'catch_up_failed',
  partition_count_mismatch: 'partition_count_mismatch',
};

/**
 * `error` in the lifecycle's own terms: an `ExactlyOnceError` becomes the {@link LifecycleError}
 * with the matching code (same message, the original as `cause`), so callers and metrics see
 * one set of codes; anything else is returned unchanged.
 */
export function toLifecycleError(error: unknown): unknown {
  const code = isExactlyOnceError(error) ? fromExactlyOnce[error.code] : undefined;
  return code === undefined ? error : new LifecycleError(code, messageOf(error), { cause: error });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
