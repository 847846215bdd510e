import type { Logger } from '@clawback/logging';

/** How often the summary line is written by default. */
const DEFAULT_INTERVAL_MS = 60_000;

/** Counts of request outcomes since the last summary line. */
export interface OutcomeSummary {
  /** Counts one request under its outcome label (`published`, `duplicate` or an error code). */
  count(outcome: string): void;
  /** Writes what is counted (if anything) and stops the timer: the ingress is closing. */
  close(): void;
}

/**
 * One info line per interval with the outcomes of the requests answered in it, instead of one
 * info line per request: at thousands of notifications per second a line each was a large part
 * of the ingress's CPU (serialising, redacting, a synchronous write). The per-request lines
 * stay at debug; the counters on `/metrics` have everything.
 */
export function outcomeSummary(logger: Logger, intervalMs = DEFAULT_INTERVAL_MS): OutcomeSummary {
  let counts: Record<string, number> = {};
  let total = 0;
  const flush = (): void => {
    if (total === 0) return;
    logger.info({ outcomes: counts, total, intervalMs }, 'notifications answered');
    counts = {};
    total = 0;
  };
  const timer = setInterval(flush, intervalMs);
  timer.unref();
  return {
    count: (outcome) => {
      counts[outcome] = (counts[outcome] ?? 0) + 1;
      total++;
    },
    close: () => {
      clearInterval(timer);
      flush();
    },
  };
}
