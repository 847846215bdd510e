import type { CanonicalNotification, NotificationKind } from '@clawback/notifications';

/** The order every builder below talks about unless told otherwise. */
export const ORDER = { provider: '2checkout', merchantId: 'm-1', orderRef: '9001' } as const;

let counter = 0;

/**
 * A valid canonical notification for {@link ORDER}; `overrides` win. Ids are unique per call
 * unless given, so two builders never make accidental duplicates.
 */
export function notification(
  kind: NotificationKind,
  overrides: Partial<CanonicalNotification> = {},
): CanonicalNotification {
  counter += 1;
  return {
    notificationId: `n-${kind}-${counter}`,
    provider: ORDER.provider,
    merchantId: ORDER.merchantId,
    orderRef: ORDER.orderRef,
    orderKey: `${ORDER.provider}:${ORDER.merchantId}:${ORDER.orderRef}`,
    kind,
    occurredAt: '2026-01-31T12:00:00Z',
    currency: 'USD',
    amount: 0,
    lines: [],
    subscriptionRefs: [],
    providerStatus: kind.toUpperCase(),
    test: false,
    ...overrides,
  };
}

/** A captured sale of `amount`. */
export const sale = (amount: number, o: Partial<CanonicalNotification> = {}) =>
  notification('payment_completed', { amount, ...o });

/** A pending payment of `amount`. */
export const pendingPayment = (amount: number, o: Partial<CanonicalNotification> = {}) =>
  notification('payment_pending', { amount, ...o });

/** A refund of `amount` with an unspecified scope. */
export const refund = (amount: number, o: Partial<CanonicalNotification> = {}) =>
  notification('refund', { amount, refundScope: 'unspecified', ...o });
