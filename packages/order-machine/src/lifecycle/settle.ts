import type { CanonicalNotification } from '@clawback/notifications';
import { hasId } from '../state/notification-ids';
import type { OrderDraft } from '../state/order-draft';
import type { OrderState } from '../state/order-state';

/**
 * Marks `notification` as handled: remembered for deduplication and no longer parked. Every
 * applier starts from this, so a parked notification leaves the queue exactly once. The copy
 * is the applier's draft: it writes its own fields into it instead of copying the state again.
 */
export function settle(state: OrderState, notification: CanonicalNotification): OrderDraft {
  const id = notification.notificationId;
  const { seenNotificationIds: seen, parked, overdueNotificationIds: overdue } = state;
  // The two queues are empty for almost every notification: checked before any closure.
  return {
    ...state,
    seenNotificationIds: hasId(seen, id) ? seen : seen.concat(id),
    parked:
      parked.length > 0 && parked.some((p) => p.notificationId === id)
        ? parked.filter((p) => p.notificationId !== id)
        : parked,
    overdueNotificationIds:
      overdue.length > 0 && overdue.includes(id) ? overdue.filter((o) => o !== id) : overdue,
  } as OrderDraft;
}

/** `known` followed by the refs of `more` not already in it: order of first appearance. */
export function mergeRefs(known: readonly string[], more: readonly string[]): readonly string[] {
  if (more.length === 0) return known;
  const added = more.filter((ref, i) => !known.includes(ref) && more.indexOf(ref) === i);
  return added.length === 0 ? known : [...known, ...added];
}
