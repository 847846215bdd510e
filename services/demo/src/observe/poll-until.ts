import { DemoError } from '../demo-error';

/** Options of {@link pollUntil}. */
export interface PollOptions {
  /** What is awaited, for the timeout message: "order-lifecycle to decide 21 notifications". */
  readonly description: string;
  readonly timeoutMs: number;
  /** Pause between checks; default 250 ms. */
  readonly intervalMs?: number;
  /** Called before every check; throws to give up at once (a process died). */
  readonly abortIf?: () => void;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks a condition until it returns a value (not `undefined`/`false`), and returns it. The
 * demo waits on conditions like this, never for a fixed time. A check that throws counts as
 * "not yet"; its last error is in the timeout's message.
 *
 * @throws DemoError `demo_timed_out` naming what was awaited.
 */
export async function pollUntil<T>(
  check: () => Promise<T | undefined | false>,
  options: PollOptions,
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    options.abortIf?.();
    try {
      const result = await check();
      if (result !== undefined && result !== false) return result;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const last = lastError instanceof Error ? ` (last check: ${lastError.message})` : '';
      throw new DemoError(
        'demo_timed_out',
        `timed out after ${options.timeoutMs / 1000} s waiting for ${options.description}${last}`,
        { cause: lastError },
      );
    }
    await pause(options.intervalMs ?? 250);
  }
}
