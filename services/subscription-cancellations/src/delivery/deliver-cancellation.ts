import type { CancellationAdapter } from '../adapters/cancellation-adapter';
import type { CompletedCancellations } from '../completed/completed-cancellations';
import type { CancellationRequest } from '../policy/cancellation-request';
import type { RetrySettings } from '../settings/service-settings';
import { type RetryDeps, callWithRetry } from './call-with-retry';
import type { DeliveryOutcome } from './delivery-outcome';

/** What {@link deliverCancellation} needs. */
export interface DeliveryDeps extends RetryDeps {
  readonly adapter: CancellationAdapter;
  readonly completed: CompletedCancellations;
  readonly retry: RetrySettings;
  /** Aborts calls and waits when the service stops. */
  readonly signal: AbortSignal;
}

/**
 * Carries out one cancellation at least once, and at most once as far as Clawback can tell:
 * 1. a completed record for the subscription means no call: the same cause is a redone batch
 *    (the outcome is re-emitted as it was), another cause means someone cancelled it first;
 * 2. otherwise the adapter is called with retries;
 * 3. a success is recorded at once, before the batch's transaction commits, so a crash between
 *    the call and the commit does not lead to a second call (the idempotency key covers the
 *    window between the call and this record).
 *
 * Failures are outcomes, not exceptions; exceptions (Redis down, service stopping) leave the
 * batch uncommitted, to be redone.
 */
export async function deliverCancellation(
  request: CancellationRequest,
  deps: DeliveryDeps,
): Promise<DeliveryOutcome> {
  const done = await deps.completed.find(request);
  if (done) return fromRecord(request, done);
  const result = await callWithRetry(
    () => deps.adapter.cancel(request, deps.signal),
    deps.retry,
    deps,
  );
  if (!result.ok) {
    return {
      kind: 'failed',
      attempts: result.attempts,
      failure: {
        code: result.error.code,
        message: result.error.message,
        retriable: result.error.retriable,
      },
    };
  }
  const held = await deps.completed.record(request, {
    causationId: request.causationId,
    attempts: result.attempts,
    alreadyCancelled: result.value.alreadyCancelled,
  });
  if (held.causationId !== request.causationId) {
    // Another cause recorded first, concurrently (another order of the same subscription).
    return { kind: 'superseded', byCausationId: held.causationId };
  }
  return {
    kind: 'cancelled',
    attempts: result.attempts,
    alreadyCancelled: result.value.alreadyCancelled,
    fromRecord: false,
  };
}

function fromRecord(
  request: CancellationRequest,
  done: {
    readonly causationId: string;
    readonly attempts: number;
    readonly alreadyCancelled: boolean;
  },
): DeliveryOutcome {
  if (done.causationId !== request.causationId) {
    return { kind: 'superseded', byCausationId: done.causationId };
  }
  return {
    kind: 'cancelled',
    attempts: done.attempts,
    alreadyCancelled: done.alreadyCancelled,
    fromRecord: true,
  };
}
