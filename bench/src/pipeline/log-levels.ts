import type { DestinationStream } from '@clawback/logging';

/** pino's numeric level for `error`; `fatal` is 60. */
const ERROR_LEVEL = 50;
const LEVEL = /"level":(\d+)/;

/** A log destination that forwards each line and counts those an operator would page on. */
export interface CountingLog {
  readonly destination: DestinationStream;
  /** Lines at level `error` or `fatal` so far. */
  readonly errorLines: () => number;
}

/**
 * Forwards every pino line to stdout, as the service's own logger would, and counts the ones
 * at error level or above: a healthy benchmark run must have none (issue 12), so the run
 * reports the count instead of leaving it to someone reading the scrollback.
 */
export function countingLog(
  write: (line: string) => void = (l) => process.stdout.write(l),
): CountingLog {
  let errors = 0;
  return {
    destination: {
      write(line: string) {
        const level = LEVEL.exec(line);
        if (level && Number(level[1]) >= ERROR_LEVEL) errors++;
        write(line);
      },
    },
    errorLines: () => errors,
  };
}
