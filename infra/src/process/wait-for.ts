/** Options for {@link waitFor}. */
export interface WaitOptions {
  readonly timeoutMs: number;
  /** Pause between two checks. */
  readonly intervalMs?: number;
  /** Injectable for tests. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `condition` until it holds or `timeoutMs` passes; true when it held. A condition that
 * throws ends the wait with that error (e.g. "the process died", no point waiting longer).
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  options: WaitOptions,
): Promise<boolean> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const deadline = now() + options.timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (now() >= deadline) return false;
    await sleep(Math.min(options.intervalMs ?? 500, Math.max(0, deadline - now())));
  }
}
