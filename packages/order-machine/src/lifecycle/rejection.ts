import type { CanonicalNotification } from '@clawback/notifications';
import { deriveEvents, type Outcome } from '../events/derive-events';
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
  return deriveEvents(settle(state, notification), notification, [
    {
      type: 'NotificationRejected',
      currency: notification.currency,
      reason: rejection.reason,
      detail: rejection.detail,
      notificationKind: notification.kind,
      amount: notification.amount,
    },
  ]);
}

/**
 * Rejects every parked notification whose provider time is at least `horizonMs` before the
 * watermark, in arrival order.
 */
export function expireOrphans(state: OrderState, watermarkMs: number, horizonMs: number): Outcome {
  return state.parked
    .filter((p) => isOrphan(p, watermarkMs, horizonMs))
    .reduce<Outcome>(
      (acc, orphan) => {
        const next = reject(acc.state, orphan, {
          reason: 'orphan',
          detail: `no sale arrived within ${horizonMs} ms of provider time`,
        });
        return { state: next.state, events: [...acc.events, ...next.events] };
      },
      { state, events: [] },
    );
}

/** True when `parked` has waited for its sale for the whole horizon. */
export function isOrphan(
  parked: CanonicalNotification,
  watermarkMs: number,
  horizonMs: number,
): boolean {
  return Date.parse(parked.occurredAt) + horizonMs <= watermarkMs;
}
