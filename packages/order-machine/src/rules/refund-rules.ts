import type { CanonicalNotification } from '@clawback/notifications';
import { remainingOf, type OrderState } from '../state/order-state';
import type { Rejection } from './rejection-reason';

/** Units each line of a refund names, summed per `lineId`; lines without a quantity are skipped. */
export function refundedUnits(notification: CanonicalNotification): ReadonlyMap<string, number> {
  const units = new Map<string, number>();
  for (const line of notification.lines) {
    if (line.quantity > 0) units.set(line.lineId, (units.get(line.lineId) ?? 0) + line.quantity);
  }
  return units;
}

/**
 * Why a refund cannot be applied to a captured order, or `null` when it can. Order matters: the
 * 2Checkout rules on total refunds come first because they hold whatever the amounts are.
 */
export function refundViolation(
  state: OrderState,
  notification: CanonicalNotification,
): Rejection | null {
  const total = notification.refundScope === 'total';
  const remaining = remainingOf(state);
  if (total && state.totalRefundApplied) {
    return { reason: 'second_total_refund', detail: 'the order already had a total refund' };
  }
  if (total && state.refundedTotal > 0) {
    return {
      reason: 'total_refund_after_partial',
      detail: `a total refund after ${state.refundedTotal} was already refunded`,
    };
  }
  if (notification.amount <= 0) {
    return { reason: 'invalid_notification', detail: 'a refund must have a positive amount' };
  }
  if (notification.amount > remaining) {
    return {
      reason: 'over_refund',
      detail: `refund of ${notification.amount} exceeds the remaining ${remaining}`,
    };
  }
  if (total && notification.amount !== remaining) {
    return {
      reason: 'total_refund_amount_mismatch',
      detail: `a total refund of ${notification.amount} on an order paid ${state.paid}`,
    };
  }
  // Line quantities never refuse a refund (see refund-warnings.ts): the money has moved.
  return null;
}

/** True when an acceptable refund leaves nothing remaining. */
export function refundCompletes(state: OrderState, notification: CanonicalNotification): boolean {
  return notification.amount === remainingOf(state);
}
