import type { CanonicalNotification } from '@clawback/notifications';
import { deriveEvent, type Outcome } from '../events/derive-events';
import type { OrderAffiliate, OrderLine } from '../events/lifecycle-event';
import type { OrderDraft } from '../state/order-draft';
import type { OrderLineState, OrderState } from '../state/order-state';
import { mergeRefs, settle } from './settle';

/** The sale's lines, with nothing refunded yet. */
function soldLines(notification: CanonicalNotification): readonly OrderLineState[] {
  return notification.lines.map((line) => ({
    lineId: line.lineId,
    name: line.name,
    quantity: line.quantity,
    amount: line.amount,
    refundedQuantity: 0,
  }));
}

/** The affiliate as events carry it (`null` commission when the provider sent none). */
function affiliateOf(notification: CanonicalNotification): OrderAffiliate | null {
  const affiliate = notification.affiliate;
  if (affiliate === undefined) return null;
  return { affiliateId: affiliate.affiliateId, commission: affiliate.commission ?? null };
}

/** Sale facts from a payment notification; later facts win, missing ones keep what was known. */
function withSale(state: OrderState, notification: CanonicalNotification): OrderDraft {
  const next = settle(state, notification);
  next.currency = notification.currency;
  next.amount = notification.amount;
  next.lines = notification.lines.length > 0 ? soldLines(notification) : state.lines;
  next.affiliate = affiliateOf(notification) ?? state.affiliate;
  next.subscriptionRefs = mergeRefs(state.subscriptionRefs, notification.subscriptionRefs);
  return next;
}

/** `payment_pending` on a new order: the sale exists but is not captured. */
export function recordPending(state: OrderState, notification: CanonicalNotification): Outcome {
  const next = withSale(state, notification);
  return deriveEvent(next, notification, {
    type: 'PaymentPending',
    currency: notification.currency,
    amount: notification.amount,
  });
}

/** Lines as events carry them. */
function eventLines(lines: readonly OrderLineState[]): readonly OrderLine[] {
  return lines.map((line) => ({
    lineId: line.lineId,
    name: line.name,
    quantity: line.quantity,
    amount: line.amount,
  }));
}

/** `payment_completed` on a new or pending order: captured; commissions are earned on it. */
export function recordPayment(state: OrderState, notification: CanonicalNotification): Outcome {
  const next = withSale(state, notification);
  next.paid = notification.amount;
  return deriveEvent(next, notification, {
    type: 'OrderPaid',
    currency: notification.currency,
    amount: notification.amount,
    lines: eventLines(next.lines),
    affiliate: next.affiliate,
    subscriptionRefs: next.subscriptionRefs,
  });
}

/** `payment_denied` on a pending order. The amount is the denied payment's own, when sent. */
export function denyPayment(state: OrderState, notification: CanonicalNotification): Outcome {
  const next = settle(state, notification);
  next.subscriptionRefs = mergeRefs(state.subscriptionRefs, notification.subscriptionRefs);
  return deriveEvent(next, notification, {
    type: 'PaymentDenied',
    currency: state.currency ?? notification.currency,
    amount: notification.amount > 0 ? notification.amount : state.amount,
    reason: notification.reason ?? null,
    affiliate: next.affiliate,
    subscriptionRefs: next.subscriptionRefs,
  });
}
