import type { Outcome } from '../events/derive-events';
import { reject } from '../lifecycle/rejection';
import type { Rejection } from '../rules/rejection-reason';
import { refundViolation } from '../rules/refund-rules';
import type { OrderState, OrderStatus } from '../state/order-state';
import { notificationOf, type MachineEvent } from './machine-event';

const CAPTURED: readonly OrderStatus[] = [
  'paid',
  'partiallyRefunded',
  'refunded',
  'disputed',
  'chargebackLost',
];

/** Rejects a refund for the first rule it breaks (a fully refunded order has nothing left). */
export function rejectRefund(state: OrderState, event: MachineEvent): Outcome {
  const n = notificationOf(event);
  const rejection = refundViolation(state, n) ?? { reason: 'over_refund', detail: 'nothing left' };
  return reject(state, n, rejection);
}

/** Rejects a notification no transition of the current state accepts. */
export function rejectInapplicable(state: OrderState, event: MachineEvent): Outcome {
  return reject(state, notificationOf(event), notApplicable(state, event));
}

/** Why a notification with no transition in the current state is refused. */
function notApplicable(state: OrderState, event: MachineEvent): Rejection {
  const payment = event.type === 'payment_pending' || event.type === 'payment_completed';
  if (payment && CAPTURED.includes(state.status))
    return {
      reason: 'already_paid',
      detail: `${event.type} on an order already in state ${state.status}`,
    };
  return {
    reason: 'invalid_transition',
    detail: `${event.type} does not apply to an order in state ${state.status}`,
  };
}
