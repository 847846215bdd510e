import type { CanonicalNotification } from '@clawback/notifications';
import type { Outcome } from '../events/derive-events';
import type { OrderState } from '../state/order-state';

/**
 * A copy with one fixed key order and no `undefined`, so parked notifications serialize the same
 * whatever object layout the adapter produced.
 */
function canonicalCopy(n: CanonicalNotification): CanonicalNotification {
  return {
    notificationId: n.notificationId,
    provider: n.provider,
    merchantId: n.merchantId,
    orderRef: n.orderRef,
    orderKey: n.orderKey,
    kind: n.kind,
    ...(n.refundScope === undefined ? {} : { refundScope: n.refundScope }),
    occurredAt: n.occurredAt,
    ...(n.implausibleProviderTime === undefined
      ? {}
      : { implausibleProviderTime: n.implausibleProviderTime }),
    currency: n.currency,
    amount: n.amount,
    lines: n.lines.map((l) => ({
      lineId: l.lineId,
      name: l.name,
      quantity: l.quantity,
      amount: l.amount,
    })),
    ...(n.lineQuantities === undefined ? {} : { lineQuantities: n.lineQuantities }),
    ...(n.affiliate === undefined
      ? {}
      : {
          affiliate: {
            affiliateId: n.affiliate.affiliateId,
            ...(n.affiliate.commission === undefined ? {} : { commission: n.affiliate.commission }),
          },
        }),
    subscriptionRefs: [...n.subscriptionRefs],
    ...(n.reason === undefined ? {} : { reason: n.reason }),
    providerStatus: n.providerStatus,
    test: n.test,
  };
}

/** True while `notification` waits on the order for its sale. */
export function isParked(state: OrderState, notification: CanonicalNotification): boolean {
  return state.parked.some((p) => p.notificationId === notification.notificationId);
}

/**
 * Parks a notification that needs the sale first. Parking an already parked notification (a
 * retry from the queue while the sale is still missing) changes nothing.
 */
export function park(state: OrderState, notification: CanonicalNotification): Outcome {
  if (isParked(state, notification)) return { state, events: [] };
  return {
    state: {
      ...state,
      seenNotificationIds: [...state.seenNotificationIds, notification.notificationId],
      parked: [...state.parked, canonicalCopy(notification)],
    },
    events: [],
  };
}
