/** A progress line of `lifecycle:replay`, with when this process read it. */
export interface TimedLine {
  readonly atMs: number;
  readonly line: string;
}

const PROGRESS = /^replay (\d+)\/(\d+) /;

/**
 * The replay's processing window from its own progress lines (`replay <done>/<total> ...`,
 * one a second): from the last line still at 0 done to the first line at the total. Null
 * when the lines do not show both ends.
 */
export function processingWindowMs(lines: readonly TimedLine[]): number | null {
  let start: number | undefined;
  for (const { atMs, line } of lines) {
    const match = PROGRESS.exec(line);
    if (!match) continue;
    const done = Number(match[1]);
    const total = Number(match[2]);
    if (done === 0) start = atMs;
    else if (start === undefined) start = atMs; // the first line already shows progress
    if (done >= total && total > 0) return atMs - start;
  }
  return null;
}
