import type { CancellationRequest } from '../policy/cancellation-request';

/** A receiver's confirmation. */
export interface CancelResult {
  /** It said the subscription had already been cancelled (counts as success). */
  readonly alreadyCancelled: boolean;
}

/**
 * One way of cancelling a subscription at the merchant's side. `cancel` makes one call: it
 * resolves on success (including "already cancelled") and throws a `CancellationError` whose
 * `retriable` says whether another call can help. Retrying is the caller's job.
 */
export interface CancellationAdapter {
  cancel(request: CancellationRequest, signal: AbortSignal): Promise<CancelResult>;
}
