import type { CanonicalNotification } from '@clawback/notifications';
import { remainingOf, type OrderState } from '../state/order-state';
import type { Rejection } from './rejection-reason';

/**
 * Units the refund's lines name for `lineId`, summed; lines without a quantity name none. A
 * sum over the few lines of a refund instead of a map per refund (ADR 0015).
 */
export function unitsNamed(notification: CanonicalNotification, lineId: string): number {
  let units = 0;
  for (const line of notification.lines)
    if (line.quantity > 0 && line.lineId === lineId) units += line.quantity;
  return units;
}

/** True when the refund names units at all (a line with a quantity). */
export function namesUnits(notification: CanonicalNotification): boolean {
  return notification.lines.some((line) => line.quantity > 0);
}

/**
 * True when line `index` of the refund is the first to name units of its `lineId`: each named
 * line is then counted once, in order of first appearance.
 */
export function firstNaming(notification: CanonicalNotification, index: number): boolean {
  const line = notification.lines[index];
  if (line === undefined || line.quantity <= 0) return false;
  for (let i = 0; i < index; i++) {
    const earlier = notification.lines[i]!;
    if (earlier.quantity > 0 && earlier.lineId === line.lineId) return false;
  }
  return true;
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
