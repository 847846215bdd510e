import type { CanonicalNotification } from '@clawback/notifications';
import { deriveEvent, type Outcome } from '../events/derive-events';
import { namesUnits, unitsNamed } from '../rules/refund-rules';
import { refundWarnings } from '../rules/refund-warnings';
import { remainingOf, type OrderLineState, type OrderState } from '../state/order-state';
import { mergeRefs, settle } from './settle';

/** The sold lines with the refund's units added, capped at the units sold. */
function refundedLines(
  lines: readonly OrderLineState[],
  notification: CanonicalNotification,
): readonly OrderLineState[] {
  // Nothing named and nothing above its cap: every line would be copied unchanged.
  if (!namesUnits(notification) && lines.every((line) => line.refundedQuantity <= line.quantity))
    return lines;
  return lines.map((line) => ({
    ...line,
    // Capped at the units sold: named units above that are only a warning.
    refundedQuantity: Math.min(
      line.quantity,
      line.refundedQuantity + unitsNamed(notification, line.lineId),
    ),
  }));
}

/**
 * Applies a refund that passed {@link refundViolation}: cumulative totals and per-line units
 * grow, and `RefundApplied` carries the cumulative figures so readers never re-add amounts.
 */
export function applyRefund(state: OrderState, notification: CanonicalNotification): Outcome {
  const warnings = refundWarnings(state, notification);
  const refundedTotal = state.refundedTotal + notification.amount;
  const next = settle(state, notification);
  next.refundedTotal = refundedTotal;
  next.totalRefundApplied = state.totalRefundApplied || notification.refundScope === 'total';
  next.lines = refundedLines(state.lines, notification);
  next.subscriptionRefs = mergeRefs(state.subscriptionRefs, notification.subscriptionRefs);
  const remaining = remainingOf(next);
  return deriveEvent(next, notification, {
    type: 'RefundApplied',
    currency: state.currency ?? notification.currency,
    amount: notification.amount,
    refundedTotal,
    remaining,
    paid: next.paid,
    kind: remaining === 0 ? 'full' : 'partial',
    lines: notification.lines.map((line) => ({
      lineId: line.lineId,
      name: line.name,
      quantity: line.quantity,
      amount: line.amount,
    })),
    affiliate: next.affiliate,
    subscriptionRefs: next.subscriptionRefs,
    warnings,
  });
}
