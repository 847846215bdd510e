/** An order with parked notifications and the provider time (epoch ms) of its oldest one. */
export interface ParkedEntry {
  readonly orderKey: string;
  readonly since: number;
}

/**
 * The orders of one partition that have parked notifications, sorted by (oldest parked time,
 * order key). The sort makes "which orders does this watermark expire, in which order" a pure
 * function of the entries, so a replay ticks the same orders in the same order.
 */
export class ParkedIndex {
  private readonly sinceByOrder = new Map<string, number>();
  private sorted: ParkedEntry[] = [];

  constructor(entries: Iterable<ParkedEntry> = []) {
    for (const entry of entries) this.sinceByOrder.set(entry.orderKey, entry.since);
    this.sorted = [...this.sinceByOrder].map(([orderKey, since]) => ({ orderKey, since }));
    this.sorted.sort(compareEntries);
  }

  /** Number of orders with parked notifications. */
  get size(): number {
    return this.sorted.length;
  }

  /** Records that `orderKey`'s oldest parked notification is from `since`, or none (`null`). */
  set(orderKey: string, since: number | null): void {
    const current = this.sinceByOrder.get(orderKey);
    if (current === since || (current === undefined && since === null)) return;
    if (current !== undefined) {
      this.sorted.splice(this.insertionPoint({ orderKey, since: current }), 1);
      this.sinceByOrder.delete(orderKey);
    }
    if (since !== null) {
      const entry = { orderKey, since };
      this.sorted.splice(this.insertionPoint(entry), 0, entry);
      this.sinceByOrder.set(orderKey, since);
    }
  }

  /** Orders whose oldest parked notification is at or before `cutoff`, oldest first. */
  dueAt(cutoff: number): readonly string[] {
    const due: string[] = [];
    for (const entry of this.sorted) {
      if (entry.since > cutoff) break;
      due.push(entry.orderKey);
    }
    return due;
  }

  /** The entries, oldest first. */
  entries(): readonly ParkedEntry[] {
    return [...this.sorted];
  }

  /**
   * An independent copy (entries are immutable, so they are shared). Taken once per batch:
   * copying the sorted array and the map avoids rebuilding and re-sorting them.
   */
  clone(): ParkedIndex {
    const copy = new ParkedIndex();
    for (const [orderKey, since] of this.sinceByOrder) copy.sinceByOrder.set(orderKey, since);
    copy.sorted = this.sorted.slice();
    return copy;
  }

  /** Binary search for the first position not before `entry`. */
  private insertionPoint(entry: ParkedEntry): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareEntries(this.sorted[middle]!, entry) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

function compareEntries(a: ParkedEntry, b: ParkedEntry): number {
  if (a.since !== b.since) return a.since - b.since;
  return a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0;
}
