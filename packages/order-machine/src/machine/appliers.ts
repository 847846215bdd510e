import type { Outcome } from '../events/derive-events';
import { loseChargeback, openChargeback, winChargeback } from '../lifecycle/chargeback';
import { park } from '../lifecycle/parking';
import { denyPayment, recordPayment, recordPending } from '../lifecycle/payment';
import { applyRefund } from '../lifecycle/refund';
import { reportOverdue } from '../lifecycle/overdue';
import { reject } from '../lifecycle/rejection';
import { endSubscription } from '../lifecycle/subscription';
import { refundCompletes, refundViolation } from '../rules/refund-rules';
import { ORDER_STATUSES, type OrderState, type OrderStatus } from '../state/order-state';
import { OrderMachineError } from '../order-machine-error';
import { unchanged } from './commit';
import { rejectInapplicable, rejectRefund } from './inapplicable';
import { notificationOf, type MachineEvent } from './machine-event';

/**
 * A machine action as a pure function: the new context and the derived events. The xstate
 * machine commits it with `enqueueActions`; the transition table (ADR 0015) calls it directly.
 */
export type Applier<P = undefined> = (state: OrderState, event: MachineEvent, params: P) => Outcome;

/** A machine guard as a pure predicate of the context and the event. */
export type Guard = (state: OrderState, event: MachineEvent) => boolean;

/** The `params` of the `markStatus` entry action. */
export interface StatusParams {
  readonly status: OrderStatus;
}

/** Writes the state's name into the context, as each state's entry action. */
export const markStatus: Applier<StatusParams> = (state, _event, params) => {
  if (!(ORDER_STATUSES as readonly string[]).includes(params.status))
    throw new OrderMachineError('invalid_state', `unknown order status ${String(params.status)}`);
  return { state: { ...state, status: params.status }, events: [] };
};

/** Every guard of the order machine, by the name its transitions use. */
export const GUARDS = {
  refundBreaksRules: (state, event) => refundViolation(state, notificationOf(event)) !== null,
  refundCompletesOrder: (state, event) => refundCompletes(state, notificationOf(event)),
  hadRefunds: (state) => state.refundedTotal > 0,
} satisfies Record<string, Guard>;

/** Every transition action of the order machine, by the name its transitions use. */
export const APPLIERS = {
  park: (s, e) => park(s, notificationOf(e)),
  recordPending: (s, e) => recordPending(s, notificationOf(e)),
  recordPayment: (s, e) => recordPayment(s, notificationOf(e)),
  denyPayment: (s, e) => denyPayment(s, notificationOf(e)),
  applyRefund: (s, e) => applyRefund(s, notificationOf(e)),
  rejectRefund: (s, e) => rejectRefund(s, e),
  openChargeback: (s, e) => openChargeback(s, notificationOf(e)),
  winChargeback: (s, e) => winChargeback(s, notificationOf(e)),
  loseChargeback: (s, e) => loseChargeback(s, notificationOf(e)),
  endSubscription: (s, e) => endSubscription(s, notificationOf(e)),
  rejectScreened: (s, e) =>
    e.type === 'rejected' ? reject(s, e.notification, e.rejection) : unchanged(s),
  rejectInapplicable: (s, e) => rejectInapplicable(s, e),
  reportOverdue: (s, e) =>
    e.type === 'watermark' ? reportOverdue(s, e.watermarkMs, e.horizonMs) : unchanged(s),
} satisfies Record<string, Applier>;
