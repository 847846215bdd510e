import { ClawbackError } from '@clawback/errors';

/**
 * Stable error codes of the exactly-once building blocks.
 *
 * - `producer_fenced`: another instance initialised the partition's transactional id; this one
 *   must stop writing for the partition (retriable: the partition is reopened from committed
 *   data, which fences the other one in turn only if the group gives the partition back).
 * - `transaction_failed`: a transaction could not be committed and was aborted (retriable).
 * - `partition_read_failed`: a partition range (a changelog) could not be read to its end
 *   (retriable).
 * - `partition_count_mismatch`: a changelog does not have its input topic's partition count,
 *   so state could not live on the input's partition number (not retriable: provisioning).
 */
export type ExactlyOnceErrorCode =
  'producer_fenced' | 'transaction_failed' | 'partition_read_failed' | 'partition_count_mismatch';

const retriableCodes: ReadonlySet<ExactlyOnceErrorCode> = new Set([
  'producer_fenced',
  'transaction_failed',
  'partition_read_failed',
]);

/** The one error `@clawback/exactly-once` throws; retriability follows from the code. */
export class ExactlyOnceError extends ClawbackError<ExactlyOnceErrorCode> {
  constructor(code: ExactlyOnceErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, { retriable: retriableCodes.has(code), cause: options.cause });
    this.name = 'ExactlyOnceError';
  }
}

/** True when `error` is an {@link ExactlyOnceError}, optionally with the given code. */
export function isExactlyOnceError(
  error: unknown,
  code?: ExactlyOnceErrorCode,
): error is ExactlyOnceError {
  return error instanceof ExactlyOnceError && (code === undefined || error.code === code);
}
