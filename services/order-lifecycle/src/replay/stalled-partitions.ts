/**
 * Which partitions of a replay are worth probing for "nothing left but transaction markers":
 * those whose committed position has not moved for `afterMs`, at a position not probed yet.
 * Probing reads the partition with a consumer group of its own (a join, a fetch: seconds on a
 * busy machine), so probing every partition on every progress poll while the replay is still
 * starting held the progress lines back by tens of seconds and took CPU from the replay.
 */
export class StalledPartitions {
  /** Per partition: its position, and since when (epoch ms) it has been there. */
  private readonly seen = new Map<number, { readonly at: bigint; readonly since: number }>();
  /** Per partition: the position a probe found records after (they are still to come). */
  private readonly holding = new Map<number, bigint>();

  constructor(private readonly afterMs: number) {}

  /** Notes `at` as the partition's position at `nowMs`; true when it should be probed now. */
  shouldProbe(partition: number, at: bigint, nowMs: number): boolean {
    const seen = this.seen.get(partition);
    if (seen === undefined || seen.at !== at) {
      this.seen.set(partition, { at, since: nowMs });
      return false;
    }
    return nowMs - seen.since >= this.afterMs && this.holding.get(partition) !== at;
  }

  /** A probe found records from `at` on: the records are there, so no need to probe again. */
  holdsRecords(partition: number, at: bigint): void {
    this.holding.set(partition, at);
  }
}
