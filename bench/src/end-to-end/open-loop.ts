import type { IpnRequest } from '../pipeline/ipn-pool';
import { epochMs } from './epoch-clock';
import type { PacedResult, SentRequest } from './paced-request';

/** Options of {@link runOpenLoop}. */
interface OpenLoopOptions {
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
function runOpenLoop(options: OpenLoopOptions): Promise<void> {
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

/** An attempt's answer: an HTTP-like status (200 accepted, 0 failed) and why it failed. */
export interface Outcome {
  readonly status: number;
  readonly error?: string;
}

/** Options of {@link recordOpenLoop}. */
export interface RecordedLoopOptions {
  /** What is sent, in order: the first `warmUpCount` are warm-up. */
  readonly pool: readonly IpnRequest[];
  /** The id the events reader will know item `i` by. */
  readonly idOf: (i: number) => string;
  readonly ratePerSecond: number;
  readonly warmUpCount: number;
  readonly maxInFlight: number;
  /** Sends item `i` and resolves with its outcome (never rejects). */
  readonly attempt: (i: number) => Promise<Outcome>;
}

/**
 * {@link runOpenLoop} over `pool`, noting each item's start (when it was due and sent), end and
 * outcome; an item shed for `maxInFlight` gets status -1.
 */
export async function recordOpenLoop(options: RecordedLoopOptions): Promise<PacedResult> {
  const { pool } = options;
  const sent: SentRequest[] = new Array<SentRequest>(pool.length);
  const base = (i: number) => ({
    notificationId: options.idOf(i),
    orderKey: pool[i]!.orderKey,
    kind: pool[i]!.kind,
    warmUp: i < options.warmUpCount,
  });
  const start = epochMs();
  await runOpenLoop({
    total: pool.length,
    ratePerSecond: options.ratePerSecond,
    maxInFlight: options.maxInFlight,
    send: async (i) => {
      const startMs = epochMs();
      const outcome = await options.attempt(i);
      sent[i] = { ...base(i), startMs, endMs: epochMs(), ...outcome };
    },
    shed: (i) => {
      const startMs = epochMs();
      sent[i] = { ...base(i), startMs, endMs: startMs, status: -1 };
    },
  });
  return { requests: sent, elapsedMs: epochMs() - start };
}
