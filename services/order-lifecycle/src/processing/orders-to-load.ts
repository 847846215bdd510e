import type { ParkedIndex } from './parked-index';
import type { PartitionRecord } from './partition-record';

/**
 * Every order {@link applyRecords} may touch for these records: their own orders, and the
 * parked orders that the greatest provider time among them could expire. (The watermark never
 * passes that time within the batch, so no other order can be ticked.)
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
    const at = Date.parse(record.notification.occurredAt);
    if (Number.isFinite(at) && at > latest) latest = at;
  }
  if (latest !== Number.NEGATIVE_INFINITY) {
    for (const orderKey of parked.dueAt(latest - orphanHorizonMs)) keys.add(orderKey);
  }
  return [...keys];
}
