import { isRetriable, retry } from '@clawback/errors';
import { CancellationError } from '../cancellation-error';
import type { RetrySettings } from '../settings/service-settings';

/** The clock, randomness and sleep a retry loop uses; all injectable for tests. */
export interface RetryDeps {
  readonly now: () => number;
  readonly random?: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Called before each wait, with the wait actually taken. */
  readonly onRetry?: (error: CancellationError, attempt: number, waitMs: number) => void;
}

/** How a retried call ended, with the number of calls made. */
export type CallResult<T> =
  | { readonly ok: true; readonly value: T; readonly attempts: number }
  | { readonly ok: false; readonly error: CancellationError; readonly attempts: number };

/**
 * Calls `call` until it succeeds, fails with a non-retriable error, or the budget is spent:
 * at most `maxAttempts` calls, none starting later than `maxTotalMs` after the first. Waits are
 * exponential backoff with full jitter (`retry()`), lengthened to a receiver's `Retry-After`;
 * when a `Retry-After` reaches past the budget, it gives up instead of calling early.
 *
 * `delivery_interrupted` (the service stopping) is thrown, not returned: the cancellation is
 * neither done nor failed.
 */
export async function callWithRetry<T>(
  call: (attempt: number) => Promise<T>,
  policy: RetrySettings,
  deps: RetryDeps,
): Promise<CallResult<T>> {
  const deadline = deps.now() + policy.maxTotalMs;
  let attempts = 0;
  let wait = 0;
  try {
    const value = await retry(
      (attempt) => {
        attempts = attempt;
        return call(attempt);
      },
      {
        attempts: policy.maxAttempts,
        initialDelayMs: policy.initialDelayMs,
        maxDelayMs: policy.maxDelayMs,
        ...(deps.random && { random: deps.random }),
        shouldRetry: (error) =>
          isRetriable(error) && !interrupted(error) && deps.now() + retryAfterOf(error) <= deadline,
        onRetry: (error, attempt, backoffMs) => {
          const remaining = Math.max(0, deadline - deps.now());
          wait = Math.max(Math.min(backoffMs, remaining), retryAfterOf(error));
          deps.onRetry?.(asCancellationError(error), attempt, wait);
        },
        sleep: () => deps.sleep(wait),
      },
    );
    return { ok: true, value, attempts };
  } catch (error) {
    if (interrupted(error)) throw error;
    return { ok: false, error: asCancellationError(error), attempts };
  }
}

function retryAfterOf(error: unknown): number {
  return error instanceof CancellationError ? (error.retryAfterMs ?? 0) : 0;
}

function interrupted(error: unknown): boolean {
  return error instanceof CancellationError && error.code === 'delivery_interrupted';
}

function asCancellationError(error: unknown): CancellationError {
  if (error instanceof CancellationError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CancellationError('adapter_failed', `unexpected adapter error: ${message}`, {
    cause: error,
  });
}
