import type { CanonicalNotification, NotificationLine } from '@clawback/notifications';
import { missingField } from '../form/form-fields';
import { canonicalNotification } from '../shared/canonical';
import type { KindDecision } from '../shared/kind-decision';
import { notificationIdOf } from '../shared/notification-id';
import type { Click2SellNotification } from './fields';
import { click2sellKind } from './map-kind';

/** ISO 4217 "no currency involved", for a cancellation that names no price. */
const NO_CURRENCY = 'XXX';

/**
 * The dedupe id per §3.3 of the reference: (c2s id, type, subscription status, date+time),
 * plus the processor id, payment status and price, which a retry repeats unchanged.
 */
function notificationId(merchantId: string, n: Click2SellNotification): string {
  return notificationIdOf('click2sell', merchantId, [
    n.c2sTransactionId,
    n.transactionType,
    n.subscriptionStatus,
    n.purchaseDate,
    n.purchaseTime,
    n.acquirerTransactionId,
    n.paymentStatus,
    n.amount === undefined ? undefined : `${n.amount} ${n.currency ?? ''}`,
  ]);
}

function linesOf(n: Click2SellNotification, decision: KindDecision): readonly NotificationLine[] {
  if (n.productId === undefined) return [];
  // One product per notification; Click2Sell sends no quantity, so a payment is one unit and
  // a refund says nothing about units.
  const quantity = decision.kind === 'refund' ? 0 : 1;
  return [
    { lineId: n.productId, name: n.productName ?? '', quantity, amount: Math.abs(n.amount ?? 0) },
  ];
}

/** A typed Click2Sell notification → canonical notification. */
export function normalizeClick2SellNotification(
  merchantId: string,
  n: Click2SellNotification,
): CanonicalNotification {
  const decision = click2sellKind(n);
  const needsPrice = decision.kind !== 'subscription_ended' && decision.kind !== 'unsupported';
  if (needsPrice && n.amount === undefined) throw missingField('product_price');
  return canonicalNotification({
    notificationId: notificationId(merchantId, n),
    provider: 'click2sell',
    merchantId,
    orderRef: n.c2sTransactionId,
    decision,
    occurredAt: n.occurredAt,
    currency: n.currency ?? NO_CURRENCY,
    amount: n.amount ?? 0,
    lines: linesOf(n, decision),
    affiliate: n.affiliateUsername === undefined ? undefined : { affiliateId: n.affiliateUsername },
    subscriptionRefs: [],
    test: false,
  });
}
