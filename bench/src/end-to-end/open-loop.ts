import { epochMs } from './epoch-clock';

/** Options of {@link runOpenLoop}. */
export interface OpenLoopOptions {
  readonly total: number;
  readonly ratePerSecond: number;
  /** Sends waiting for an answer at most; one due beyond it is shed instead of sent. */
  readonly maxInFlight: number;
  /** Starts send `i`; its promise settles when it was answered (it must not reject). */
  readonly send: (i: number) => Promise<void>;
  /** Send `i` was due while `maxInFlight` were still unanswered. */
  readonly shed: (i: number) => void;
}

/**
 * Open-loop pacing: send i is due at `start + i / rate`, whether or not earlier ones were
 * answered, so a slow system shows as latency instead of a lower offered load (no coordinated
 * omission). Resolves when every send was answered or shed.
 */
export function runOpenLoop(options: OpenLoopOptions): Promise<void> {
  const { total, ratePerSecond, maxInFlight } = options;
  const start = epochMs();
  let next = 0;
  let inFlight = 0;
  return new Promise<void>((resolve) => {
    const tick = (): void => {
      const due = Math.min(total, Math.floor(((epochMs() - start) * ratePerSecond) / 1000) + 1);
      for (; next < due; next++) {
        if (inFlight >= maxInFlight) {
          options.shed(next);
          continue;
        }
        inFlight++;
        void options.send(next).then(() => {
          inFlight--;
          if (next >= total && inFlight === 0) resolve();
        });
      }
      if (next < total) setTimeout(tick, 1);
      else if (inFlight === 0) resolve();
    };
    tick();
  });
}
