import type { Level } from 'pino';

/** Options for {@link rateLimitedLog}. */
export interface RateLimitedLogOptions {
  /** At most one line per this many milliseconds. */
  readonly intervalMs: number;
  /** Clock, epoch milliseconds; `Date.now` by default (tests inject one). */
  readonly now?: () => number;
}

/** What {@link rateLimitedLog} writes to: a pino logger, or anything with its level methods. */
export type LevelLogger = Readonly<
  Record<Level, (fields: Record<string, unknown>, message: string) => void>
>;

/** Logs one kind of line, rate-limited. */
export type RateLimitedLog = (fields: Record<string, unknown>, message: string) => void;

/**
 * A log call for a line that repeats while a dependency is down (85 a second with Redis away):
 * the first line is written, then at most one per interval, carrying `suppressed`, the number
 * of lines left out since the previous one. Lines left out after the last written one are not
 * reported: the next line that gets through counts them.
 */
export function rateLimitedLog(
  logger: LevelLogger,
  level: Level,
  options: RateLimitedLogOptions,
): RateLimitedLog {
  const now = options.now ?? Date.now;
  let lastAt: number | undefined;
  let suppressed = 0;
  return (fields, message) => {
    const at = now();
    if (lastAt !== undefined && at - lastAt < options.intervalMs) {
      suppressed += 1;
      return;
    }
    logger[level](suppressed > 0 ? { ...fields, suppressed } : fields, message);
    lastAt = at;
    suppressed = 0;
  };
}
