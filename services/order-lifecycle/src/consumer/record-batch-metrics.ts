import type { LifecycleMetrics } from '../metrics/lifecycle-metrics';
import type { AppliedRecords } from '../processing/apply-records';

/** Counts what one committed batch of `recordCount` input records did. */
export function recordBatchMetrics(
  metrics: LifecycleMetrics,
  partition: number,
  recordCount: number,
  applied: AppliedRecords,
): void {
  const deadLettered = applied.deadLetters.length;
  metrics.notifications.inc({ outcome: 'applied' }, recordCount - deadLettered);
  if (deadLettered > 0) metrics.notifications.inc({ outcome: 'dead_lettered' }, deadLettered);
  for (const letter of applied.deadLetters) metrics.deadLetters.inc({ code: letter.errorCode });
  for (const event of applied.events) {
    metrics.events.inc({ type: event.type });
    if (event.type === 'NotificationRejected') metrics.rejections.inc({ reason: event.reason });
  }
  metrics.parkedOrders.set({ partition }, applied.progress.parked.size);
}
