/** A timed loop's outcome: how many operations in how long. */
export interface TimedRun {
  readonly operations: number;
  readonly elapsedMs: number;
}

/** The rounds of one loop and the figure kept: the median round's rate. */
export interface InterleavedFigure {
  readonly operations: number;
  readonly elapsedMs: number;
  /** The median of the rounds' rates: robust to a round that another process slowed down. */
  readonly perSecond: number;
  readonly microsecondsEach: number;
  readonly roundsPerSecond: readonly number[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of `values` and their smallest and largest (NaN for none). */
export function medianAndRange(values: readonly number[]): {
  readonly median: number;
  readonly min: number;
  readonly max: number;
} {
  if (values.length === 0) return { median: NaN, min: NaN, max: NaN };
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Runs every loop once per round, alternating, so that a burst of load from other processes
 * on a shared machine falls on all of them alike instead of on whichever ran at the time;
 * each loop's figure is its median round.
 */
export function interleaved<K extends string>(
  rounds: number,
  loops: Readonly<Record<K, () => TimedRun>>,
): Record<K, InterleavedFigure> {
  const names = Object.keys(loops) as K[];
  const runs = new Map<K, TimedRun[]>(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) runs.get(name)!.push(loops[name]());
  }
  const out = {} as Record<K, InterleavedFigure>;
  for (const name of names) {
    const list = runs.get(name)!;
    const rates = list.map((r) => (r.operations * 1000) / r.elapsedMs);
    const perSecond = median(rates);
    out[name] = {
      operations: list.reduce((sum, r) => sum + r.operations, 0),
      elapsedMs: list.reduce((sum, r) => sum + r.elapsedMs, 0),
      perSecond,
      microsecondsEach: 1e6 / perSecond,
      roundsPerSecond: rates.map((rate) => Math.round(rate)),
    };
  }
  return out;
}
