import type {
  CanonicalNotification,
  NotificationKind,
  NotificationLine,
} from '@clawback/notifications';
import { canonicalNotification, quantitiesKnown } from '../shared/canonical';
import { timesQuantity } from '../shared/amounts';
import { notificationIdOf } from '../shared/notification-id';
import type { TwoCheckoutIpn, TwoCheckoutLine } from './fields';
import { twoCheckoutKind } from './map-kind';

function lineAmount(line: TwoCheckoutLine): number {
  if (line.total !== undefined) return Math.abs(line.total);
  if (line.unitPrice !== undefined)
    return timesQuantity(line.unitPrice, line.quantity, 'IPN_PRICE[]');
  return 0;
}

/**
 * The dedupe id: fields that stay the same when 2Checkout retries one message and differ
 * between two messages that mean different things.
 *
 * A refund is a new fact each time: `IPN_DATE` (to the second) and `MESSAGE_ID` tell two equal
 * partial refunds apart. Every other kind happens once per order, yet 2Checkout sends it more
 * than once under new dates: COMPLETE is re-sent when invoices are generated, and an offline
 * payment walks through several pending statuses. Those ids are the order and the kind alone,
 * so the repeats are duplicates (no event) rather than rejections.
 */
function notificationId(merchantId: string, ipn: TwoCheckoutIpn, kind: NotificationKind): string {
  if (kind !== 'refund' && kind !== 'unsupported') {
    return notificationIdOf('2checkout', merchantId, [ipn.refNo, kind]);
  }
  return notificationIdOf('2checkout', merchantId, [
    ipn.refNo,
    ipn.orderStatus,
    ipn.fraudStatus,
    ipn.chargebackResolution,
    ipn.refundType,
    String(ipn.totalGeneral),
    ipn.ipnDate,
    ipn.messageId,
  ]);
}

/** A typed IPN → the canonical notification (amounts as positive magnitudes). */
export function normalizeTwoCheckoutIpn(
  merchantId: string,
  ipn: TwoCheckoutIpn,
): CanonicalNotification {
  const decision = twoCheckoutKind(ipn);
  const withQuantities = quantitiesKnown(decision);
  const lines: NotificationLine[] = ipn.lines.map((line) => ({
    lineId: line.productId,
    name: line.name,
    quantity: withQuantities ? Math.abs(line.quantity) : 0,
    amount: lineAmount(line),
  }));
  return canonicalNotification({
    notificationId: notificationId(merchantId, ipn, decision.kind),
    provider: '2checkout',
    merchantId,
    orderRef: ipn.refNo,
    decision,
    occurredAt: ipn.occurredAt,
    currency: ipn.currency,
    amount: ipn.totalGeneral,
    lines,
    affiliate: ipn.affiliateCode === undefined ? undefined : { affiliateId: ipn.affiliateCode },
    subscriptionRefs: ipn.licenseRefs,
    test: ipn.testOrder,
  });
}
