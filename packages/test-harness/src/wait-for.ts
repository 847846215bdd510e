/** Options for {@link waitFor}. */
export interface WaitForOptions {
  /** Give up after this long. */
  readonly timeoutMs: number;
  /** Pause between checks. Default 50 ms. */
  readonly intervalMs?: number;
  /** What is being waited for, for the error message ("3 events on the events topic"). */
  readonly description: string;
}

/** Thrown by {@link waitFor} when the condition did not hold in time. */
export class WaitTimeoutError extends Error {
  constructor(description: string, timeoutMs: number, lastError: unknown) {
    const reason = lastError instanceof Error ? lastError.message : JSON.stringify(lastError);
    const last = lastError === undefined ? '' : `; last check failed with: ${reason}`;
    super(`timed out after ${timeoutMs} ms waiting for ${description}${last}`, {
      cause: lastError,
    });
    this.name = 'WaitTimeoutError';
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` until it returns something other than `undefined`, `null` or `false`, and
 * returns that. A check that throws counts as "not yet" (its last error is reported). Tests
 * wait for conditions with this, never for a fixed time.
 *
 * @throws WaitTimeoutError naming `description`.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  options: WaitForOptions,
): Promise<Exclude<T, undefined | null | false>> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const result = await check();
      if (result !== undefined && result !== null && result !== false) {
        return result as Exclude<T, undefined | null | false>;
      }
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline)
      throw new WaitTimeoutError(options.description, options.timeoutMs, lastError);
    await pause(Math.min(options.intervalMs ?? 50, Math.max(0, deadline - Date.now())));
  }
}
