/**
 * Runs work one at a time per lane (an input partition), in the order queued, so that closing
 * a partition's session after a rebalance never overlaps a batch still using it.
 */
export class SerialLanes {
  private readonly tails = new Map<number, Promise<unknown>>();

  /** Queues `work` behind everything queued on `lane`; returns its result or error. */
  run<T>(lane: number, work: () => Promise<T>): Promise<T> {
    const next = (this.tails.get(lane) ?? Promise.resolve()).then(work, work);
    this.tails.set(
      lane,
      next.catch(() => undefined),
    );
    return next;
  }

  /** Resolves when everything queued so far is done. */
  async idle(): Promise<void> {
    await Promise.all(this.tails.values());
  }
}
