import { isRetriable } from './clawback-error';

/** Options for {@link retry}. */
export interface RetryOptions {
  /** Attempts in total, the first included. */
  readonly attempts: number;
  /** Delay before the second attempt, in milliseconds; doubles each time. */
  readonly initialDelayMs: number;
  /** Upper bound for one delay. */
  readonly maxDelayMs: number;
  /** Which errors to retry; defaults to {@link isRetriable}. */
  readonly shouldRetry?: (error: unknown, attempt: number) => boolean;
  /** Source of randomness for jitter (injectable so tests are deterministic). */
  readonly random?: () => number;
  /** Sleep function (injectable for tests). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Called before each wait, e.g. to log. */
  readonly onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/**
 * "Full jitter" exponential backoff: a random delay in [0, min(max, initial * 2^(n-1))].
 * Full jitter spreads retries of many clients that failed together.
 */
function backoffDelay(
  attempt: number,
  initialDelayMs: number,
  maxDelayMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `operation`, retrying only retriable failures with exponential backoff and jitter. */
export async function retry<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const shouldRetry = options.shouldRetry ?? ((error: unknown) => isRetriable(error));
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (attempt >= options.attempts || !shouldRetry(error, attempt)) throw error;
      const delay = backoffDelay(
        attempt,
        options.initialDelayMs,
        options.maxDelayMs,
        options.random,
      );
      options.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}
