import type { OrderState } from './order-state';

/**
 * The provider time (epoch ms) from which a watermark tick will report the oldest parked
 * notification not yet reported overdue, or `null` when there is none. Lets the consumer tick
 * only orders that have something to report: an order whose parked notifications were all
 * reported leaves the partition's index until something new is parked on it.
 */
export function orphanDeadline(state: OrderState, orphanHorizonMs: number): number | null {
  const waiting = state.parked.filter(
    (p) => !state.overdueNotificationIds.includes(p.notificationId),
  );
  if (waiting.length === 0) return null;
  return Math.min(...waiting.map((p) => Date.parse(p.occurredAt))) + orphanHorizonMs;
}
