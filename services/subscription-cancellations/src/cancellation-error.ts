import { ClawbackError } from '@clawback/errors';

/**
 * Stable error codes of the subscription-cancellations service.
 *
 * Outcomes of an outbound call (they end in `SubscriptionCancellationFailed.lastError` and in
 * the dead-letter topic when they are the last one):
 * - `receiver_timeout`: no answer within the request timeout (retriable).
 * - `receiver_unreachable`: connection refused, reset, DNS failure (retriable).
 * - `receiver_unavailable`: HTTP 5xx or 408 (retriable).
 * - `receiver_rate_limited`: HTTP 429, with `retryAfterMs` when the receiver said (retriable).
 * - `receiver_rejected`: any other HTTP 4xx: retrying the same request cannot help.
 * - `receiver_answer_invalid`: a 2xx whose body is not what the API documents (retriable: the
 *   retry's "already cancelled" settles it).
 * - `provider_refused`: the provider API answered with an error saying the cancellation cannot
 *   be done (Kartra 248/249/253, 2Checkout 4xx), not retriable.
 * - `provider_failed`: the provider reported an internal failure (Kartra 267), retriable.
 * - `adapter_not_applicable`: the merchant's adapter cannot cancel this provider's
 *   subscriptions (e.g. the 2Checkout API for a Kartra order).
 * - `adapter_failed`: the adapter threw something unexpected (a bug); not retried, so the
 *   cancellation is dead-lettered for re-driving once fixed.
 *
 * Input and operation:
 * - `lifecycle_event_undecodable`: an input record is not a readable lifecycle event; it is
 *   dead-lettered with its bytes.
 * - `cancellation_settings_invalid`: a merchant's `cancellation` section is invalid (at start).
 * - `delivery_interrupted`: the service is stopping; the batch is left uncommitted (retriable).
 * - `rebuild_failed`: the completed-cancellations record could not be rebuilt from the topic.
 * - `redrive_command_invalid`: a record of the redrive topic is not a readable redrive command
 *   (ADR 0019); it is dead-lettered with its bytes.
 * - `completed_record_lost`: the record was lost again right after a rebuild; the slice is
 *   redone once it is complete (retriable; ADR 0010).
 */
export type CancellationErrorCode =
  | 'receiver_timeout'
  | 'receiver_unreachable'
  | 'receiver_unavailable'
  | 'receiver_rate_limited'
  | 'receiver_rejected'
  | 'receiver_answer_invalid'
  | 'provider_refused'
  | 'redrive_command_invalid'
  | 'provider_failed'
  | 'adapter_not_applicable'
  | 'adapter_failed'
  | 'lifecycle_event_undecodable'
  | 'cancellation_settings_invalid'
  | 'delivery_interrupted'
  | 'rebuild_failed'
  | 'completed_record_lost';

const retriableCodes: ReadonlySet<CancellationErrorCode> = new Set([
  'receiver_timeout',
  'receiver_unreachable',
  'receiver_unavailable',
  'receiver_rate_limited',
  'receiver_answer_invalid',
  'provider_failed',
  'delivery_interrupted',
  'rebuild_failed',
  'completed_record_lost',
]);

/** Details some codes carry. */
export interface CancellationErrorDetails {
  readonly cause?: unknown;
  /** The HTTP status of the answer, when there was one. */
  readonly status?: number;
  /** How long the receiver asked us to wait (`Retry-After`), in milliseconds. */
  readonly retryAfterMs?: number;
}

/** The one error the subscription-cancellations service throws; retriability follows the code. */
export class CancellationError extends ClawbackError<CancellationErrorCode> {
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    code: CancellationErrorCode,
    message: string,
    details: CancellationErrorDetails = {},
  ) {
    super(code, message, { retriable: retriableCodes.has(code), cause: details.cause });
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}
