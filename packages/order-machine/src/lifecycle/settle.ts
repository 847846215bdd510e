import type { CanonicalNotification } from '@clawback/notifications';
import type { OrderState } from '../state/order-state';

/**
 * Marks `notification` as handled: remembered for deduplication and no longer parked. Every
 * applier starts from this, so a parked notification leaves the queue exactly once.
 */
export function settle(state: OrderState, notification: CanonicalNotification): OrderState {
  const id = notification.notificationId;
  return {
    ...state,
    seenNotificationIds: state.seenNotificationIds.includes(id)
      ? state.seenNotificationIds
      : [...state.seenNotificationIds, id],
    parked: state.parked.some((p) => p.notificationId === id)
      ? state.parked.filter((p) => p.notificationId !== id)
      : state.parked,
    overdueNotificationIds: state.overdueNotificationIds.includes(id)
      ? state.overdueNotificationIds.filter((overdue) => overdue !== id)
      : state.overdueNotificationIds,
  };
}

/** `known` followed by the refs of `more` not already in it: order of first appearance. */
export function mergeRefs(known: readonly string[], more: readonly string[]): readonly string[] {
  const added = more.filter((ref, i) => !known.includes(ref) && more.indexOf(ref) === i);
  return added.length === 0 ? known : [...known, ...added];
}
