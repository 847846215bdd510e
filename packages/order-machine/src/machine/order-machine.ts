import { enqueueActions, setup } from 'xstate';
import type { LifecycleEvent } from '../events/lifecycle-event';
import { loseChargeback, openChargeback, winChargeback } from '../lifecycle/chargeback';
import { park } from '../lifecycle/parking';
import { denyPayment, recordPayment, recordPending } from '../lifecycle/payment';
import { applyRefund } from '../lifecycle/refund';
import { reportOverdue } from '../lifecycle/overdue';
import { reject } from '../lifecycle/rejection';
import { endSubscription } from '../lifecycle/subscription';
import { refundCompletes, refundViolation } from '../rules/refund-rules';
import type { OrderState, OrderStatus } from '../state/order-state';
import { outcomeOf, unchanged } from './commit';
import { rejectInapplicable, rejectRefund } from './inapplicable';
import { notificationOf, type MachineEvent } from './machine-event';

/**
 * The order lifecycle. Drive it only through `decide` (pure `transition()` calls, never an
 * actor); the states and rules are described in docs/order-lifecycle.md.
 */
export const orderMachine = setup({
  types: {
    context: {} as OrderState,
    input: {} as OrderState,
    events: {} as MachineEvent,
    emitted: {} as LifecycleEvent,
  },
  guards: {
    refundBreaksRules: ({ context, event }) =>
      refundViolation(context, notificationOf(event)) !== null,
    refundCompletesOrder: ({ context, event }) => refundCompletes(context, notificationOf(event)),
    hadRefunds: ({ context }) => context.refundedTotal > 0,
  },
  actions: {
    markStatus: enqueueActions(({ enqueue }, params: { status: OrderStatus }) => {
      enqueue.assign({ status: params.status });
    }),
    park: enqueueActions(outcomeOf((s, e) => park(s, notificationOf(e)))),
    recordPending: enqueueActions(outcomeOf((s, e) => recordPending(s, notificationOf(e)))),
    recordPayment: enqueueActions(outcomeOf((s, e) => recordPayment(s, notificationOf(e)))),
    denyPayment: enqueueActions(outcomeOf((s, e) => denyPayment(s, notificationOf(e)))),
    applyRefund: enqueueActions(outcomeOf((s, e) => applyRefund(s, notificationOf(e)))),
    rejectRefund: enqueueActions(outcomeOf(rejectRefund)),
    openChargeback: enqueueActions(outcomeOf((s, e) => openChargeback(s, notificationOf(e)))),
    winChargeback: enqueueActions(outcomeOf((s, e) => winChargeback(s, notificationOf(e)))),
    loseChargeback: enqueueActions(outcomeOf((s, e) => loseChargeback(s, notificationOf(e)))),
    endSubscription: enqueueActions(outcomeOf((s, e) => endSubscription(s, notificationOf(e)))),
    rejectScreened: enqueueActions(
      outcomeOf((s, e) =>
        e.type === 'rejected' ? reject(s, e.notification, e.rejection) : unchanged(s),
      ),
    ),
    rejectInapplicable: enqueueActions(outcomeOf(rejectInapplicable)),
    reportOverdue: enqueueActions(
      outcomeOf((s, e) =>
        e.type === 'watermark' ? reportOverdue(s, e.watermarkMs, e.horizonMs) : unchanged(s),
      ),
    ),
  },
}).createMachine({
  id: 'order',
  context: ({ input }) => input,
  initial: 'awaitingSale',
  // Handlers every state shares; a state's own transitions take priority over these.
  on: {
    rejected: { actions: 'rejectScreened' },
    watermark: { actions: 'reportOverdue' },
    subscription_ended: { actions: 'endSubscription' },
    '*': { actions: 'rejectInapplicable' },
  },
  states: {
    awaitingSale: {
      entry: { type: 'markStatus', params: { status: 'awaitingSale' } },
      on: {
        payment_pending: { target: 'pending', actions: 'recordPending' },
        payment_completed: { target: 'paid', actions: 'recordPayment' },
        refund: { actions: 'park' },
        chargeback_opened: { actions: 'park' },
        chargeback_won: { actions: 'park' },
        chargeback_lost: { actions: 'park' },
        payment_denied: { actions: 'park' },
        subscription_ended: { actions: 'park' },
      },
    },
    pending: {
      entry: { type: 'markStatus', params: { status: 'pending' } },
      on: {
        payment_completed: { target: 'paid', actions: 'recordPayment' },
        payment_denied: { target: 'denied', actions: 'denyPayment' },
        refund: { actions: 'park' },
        chargeback_opened: { actions: 'park' },
        chargeback_won: { actions: 'park' },
        chargeback_lost: { actions: 'park' },
      },
    },
    paid: {
      entry: { type: 'markStatus', params: { status: 'paid' } },
      on: {
        refund: [
          { guard: 'refundBreaksRules', actions: 'rejectRefund' },
          { guard: 'refundCompletesOrder', target: 'refunded', actions: 'applyRefund' },
          { target: 'partiallyRefunded', actions: 'applyRefund' },
        ],
        chargeback_opened: { target: 'disputed', actions: 'openChargeback' },
        chargeback_lost: { target: 'chargebackLost', actions: 'loseChargeback' },
      },
    },
    partiallyRefunded: {
      entry: { type: 'markStatus', params: { status: 'partiallyRefunded' } },
      on: {
        refund: [
          { guard: 'refundBreaksRules', actions: 'rejectRefund' },
          { guard: 'refundCompletesOrder', target: 'refunded', actions: 'applyRefund' },
          { actions: 'applyRefund' },
        ],
        chargeback_opened: { target: 'disputed', actions: 'openChargeback' },
        chargeback_lost: { target: 'chargebackLost', actions: 'loseChargeback' },
      },
    },
    refunded: {
      entry: { type: 'markStatus', params: { status: 'refunded' } },
      on: { refund: { actions: 'rejectRefund' } },
    },
    disputed: {
      entry: { type: 'markStatus', params: { status: 'disputed' } },
      on: {
        // Refunds are refused while disputed, so the totals tell where the order was.
        chargeback_won: [
          { guard: 'hadRefunds', target: 'partiallyRefunded', actions: 'winChargeback' },
          { target: 'paid', actions: 'winChargeback' },
        ],
        chargeback_lost: { target: 'chargebackLost', actions: 'loseChargeback' },
      },
    },
    chargebackLost: { entry: { type: 'markStatus', params: { status: 'chargebackLost' } } },
    denied: { entry: { type: 'markStatus', params: { status: 'denied' } } },
  },
});
