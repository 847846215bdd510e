/** One partition's replay progress. */
export interface PartitionProgress {
  readonly partition: number;
  readonly done: bigint;
  readonly total: bigint;
}

/**
 * One progress line: overall done/total, rate since the previous line, then done/total per
 * partition, e.g. `replay 1200/3000 (40.0%) 350 rec/s | p0 400/1000 p1 500/1000 p2 300/1000`.
 */
export function progressLine(
  partitions: readonly PartitionProgress[],
  previousDone: bigint,
  elapsedMs: number,
): string {
  const done = partitions.reduce((sum, p) => sum + p.done, 0n);
  const total = partitions.reduce((sum, p) => sum + p.total, 0n);
  const percent = total === 0n ? 100 : Number((done * 1000n) / total) / 10;
  const rate = elapsedMs > 0 ? Math.round((Number(done - previousDone) * 1000) / elapsedMs) : 0;
  const parts = partitions.map((p) => `p${p.partition} ${p.done}/${p.total}`).join(' ');
  return `replay ${done}/${total} (${percent.toFixed(1)}%) ${rate} rec/s | ${parts}`;
}
