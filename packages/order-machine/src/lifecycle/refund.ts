import type { CanonicalNotification } from '@clawback/notifications';
import { deriveEvents, type Outcome } from '../events/derive-events';
import { refundedUnits } from '../rules/refund-rules';
import { refundWarnings } from '../rules/refund-warnings';
import { remainingOf, type OrderState } from '../state/order-state';
import { mergeRefs, settle } from './settle';

/**
 * Applies a refund that passed {@link refundViolation}: cumulative totals and per-line units
 * grow, and `RefundApplied` carries the cumulative figures so readers never re-add amounts.
 */
export function applyRefund(state: OrderState, notification: CanonicalNotification): Outcome {
  const units = refundedUnits(notification);
  const warnings = refundWarnings(state, notification);
  const refundedTotal = state.refundedTotal + notification.amount;
  const next: OrderState = {
    ...settle(state, notification),
    refundedTotal,
    totalRefundApplied: state.totalRefundApplied || notification.refundScope === 'total',
    lines: state.lines.map((line) => ({
      ...line,
      // Capped at the units sold: named units above that are only a warning.
      refundedQuantity: Math.min(
        line.quantity,
        line.refundedQuantity + (units.get(line.lineId) ?? 0),
      ),
    })),
    subscriptionRefs: mergeRefs(state.subscriptionRefs, notification.subscriptionRefs),
  };
  const remaining = remainingOf(next);
  return deriveEvents(next, notification, [
    {
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
    },
  ]);
}
