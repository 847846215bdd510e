import type { ParkedIndex } from './parked-index';
import type { PartitionRecord } from './partition-record';
import { justifiedTime } from './watermark';

/**
 * Every order {@link applyRecords} may touch for these records: their own orders, and the
 * parked orders that the greatest watermark they can reach could expire. A record moves the
 * watermark at most to `min(occurredAt, receivedAt + skew)` (see `watermarkAfter`), so no
 * other order can be ticked within the batch.
 */
export function ordersToLoad(
  records: readonly PartitionRecord[],
  parked: ParkedIndex,
  orphanHorizonMs: number,
): readonly string[] {
  const keys = new Set<string>();
  let latest = Number.NEGATIVE_INFINITY;
  for (const record of records) {
    if (record.kind === 'command') keys.add(record.command.orderKey);
    if (record.kind !== 'notification') continue;
    keys.add(record.notification.orderKey);
    const ceiling = justifiedTime(record.raw.receivedAt) ?? Number.POSITIVE_INFINITY;
    const at = Math.min(record.occurredAtMs, ceiling);
    if (Number.isFinite(at) && at > latest) latest = at;
  }
  if (latest !== Number.NEGATIVE_INFINITY) {
    for (const orderKey of parked.dueAt(latest - orphanHorizonMs)) keys.add(orderKey);
  }
  return [...keys];
}
