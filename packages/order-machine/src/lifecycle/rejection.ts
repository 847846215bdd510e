import type { CanonicalNotification } from '@clawback/notifications';
import { deriveEvent, type Outcome } from '../events/derive-events';
import type { Rejection } from '../rules/rejection-reason';
import type { OrderState } from '../state/order-state';
import { settle } from './settle';

/**
 * Rejects a notification: it is remembered (so its retries are duplicates) and leaves the
 * parking queue, and nothing else about the order changes.
 */
export function reject(
  state: OrderState,
  notification: CanonicalNotification,
  rejection: Rejection,
): Outcome {
  return deriveEvent(settle(state, notification), notification, {
    type: 'NotificationRejected',
    currency: notification.currency,
    reason: rejection.reason,
    detail: rejection.detail,
    notificationKind: notification.kind,
    amount: notification.amount,
  });
}
