import { ClawbackError } from '@clawback/errors';

/**
 * Stable error codes of the commission-reversals service.
 *
 * - `commission_settings_invalid`: a merchant's `commission` section is invalid (at start).
 * - `lifecycle_event_undecodable`: an input record is not a readable lifecycle event. The
 *   partition stops there (retried, visible as lag) rather than booking wrong balances.
 * - `record_undecodable`: a changelog or adjustment record cannot be read; same handling.
 * - `ledger_unavailable`: Redis could not be read or written (retriable).
 * - `ledger_position_moved`: the ledger's stored position for a partition is not where this
 *   projector left it (another owner, or Redis was wiped); the partition reopens from the
 *   stored position, or from the beginning when it is gone (retriable).
 * - `ledger_lost`: a key of the ledger's generation is missing or disagrees with the
 *   generation's manifest (eviction, a failover, a deletion): the generation is abandoned and
 *   projected again from the adjustments topic (retriable; ADR 0010).
 * - `ledger_rebuilding`: the read side found the ledger lost or not there yet; it answers 503
 *   rather than "no entries" (retriable).
 * - `affiliate_not_found`: the ledger has no entry for the affiliate (read API, CLI).
 * - `invalid_arguments`: a command line or query parameter error.
 */
export type CommissionErrorCode =
  | 'commission_settings_invalid'
  | 'lifecycle_event_undecodable'
  | 'record_undecodable'
  | 'ledger_unavailable'
  | 'ledger_position_moved'
  | 'ledger_lost'
  | 'ledger_rebuilding'
  | 'affiliate_not_found'
  | 'invalid_arguments';

const retriableCodes: ReadonlySet<CommissionErrorCode> = new Set([
  'ledger_unavailable',
  'ledger_position_moved',
  'ledger_lost',
  'ledger_rebuilding',
]);

/** The one error the commission-reversals service throws; retriability follows the code. */
export class CommissionError extends ClawbackError<CommissionErrorCode> {
  constructor(code: CommissionErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, { retriable: retriableCodes.has(code), cause: options.cause });
  }
}
