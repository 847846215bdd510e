/**
 * Runs work one at a time per lane (an input partition), in the order it was queued, so that
 * closing a partition's task after a rebalance never overlaps a batch still using it.
 */
export class SerialLanes {
  private readonly tails = new Map<number, Promise<unknown>>();

  /** Queues `work` behind everything queued on `lane` before; its result or error is returned. */
  run<T>(lane: number, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(lane) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.tails.set(
      lane,
      next.catch(() => undefined),
    );
    return next;
  }

  /** Resolves when everything queued so far on every lane is done. */
  async idle(): Promise<void> {
    await Promise.all(this.tails.values());
  }
}
