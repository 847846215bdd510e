import { retry } from '@clawback/errors';

/** A background task that retries until it succeeds or is stopped. */
export interface Attempts {
  /** Settles when the task succeeded, or was stopped (no rejection). */
  readonly done: Promise<void>;
  /** Stops retrying; a wait in progress ends at once. */
  stop(): void;
}

/**
 * Runs `task` until it succeeds, with capped exponential backoff, reporting each failure.
 * Used to connect to Kafka and Redis: the ingress starts (and answers 503, not-ready) while
 * they are away, instead of crashing.
 */
export function keepTrying(
  task: () => Promise<void>,
  onFailure: (error: unknown, attempt: number) => void,
  maxDelayMs = 5000,
): Attempts {
  let stopped = false;
  let wake: () => void = () => undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const done = retry(
    async () => {
      if (!stopped) await task();
    },
    {
      attempts: Number.POSITIVE_INFINITY,
      initialDelayMs: 200,
      maxDelayMs,
      shouldRetry: () => !stopped,
      onRetry: (error, attempt) => onFailure(error, attempt),
      sleep,
    },
  ).catch(() => undefined);
  return {
    done,
    stop: () => {
      stopped = true;
      wake();
    },
  };
}
