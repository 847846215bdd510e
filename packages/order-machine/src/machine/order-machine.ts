import { enqueueActions, setup } from 'xstate';
import type { LifecycleEvent } from '../events/lifecycle-event';
import type { OrderState } from '../state/order-state';
import { APPLIERS, GUARDS, markStatus, type StatusParams } from './appliers';
import { outcomeOf } from './commit';
import type { MachineEvent } from './machine-event';

/**
 * The order lifecycle: the definition its diagram, its specs and its transition table are
 * derived from. `decide` executes it through that table (ADR 0015), never through an actor; the
 * states and rules are described in docs/order-lifecycle.md.
 */
export const orderMachine = setup({
  types: {
    context: {} as OrderState,
    input: {} as OrderState,
    events: {} as MachineEvent,
    emitted: {} as LifecycleEvent,
  },
  // The guards and actions are pure functions (appliers.ts), so the transition table derived
  // from this definition (transition-table.ts, ADR 0015) runs exactly the same code.
  guards: {
    refundBreaksRules: ({ context, event }) => GUARDS.refundBreaksRules(context, event),
    refundCompletesOrder: ({ context, event }) => GUARDS.refundCompletesOrder(context, event),
    hadRefunds: ({ context }) => GUARDS.hadRefunds(context),
  },
  actions: {
    markStatus: enqueueActions(outcomeOf<StatusParams>(markStatus)),
    park: enqueueActions(outcomeOf(APPLIERS.park)),
    recordPending: enqueueActions(outcomeOf(APPLIERS.recordPending)),
    recordPayment: enqueueActions(outcomeOf(APPLIERS.recordPayment)),
    denyPayment: enqueueActions(outcomeOf(APPLIERS.denyPayment)),
    applyRefund: enqueueActions(outcomeOf(APPLIERS.applyRefund)),
    rejectRefund: enqueueActions(outcomeOf(APPLIERS.rejectRefund)),
    openChargeback: enqueueActions(outcomeOf(APPLIERS.openChargeback)),
    winChargeback: enqueueActions(outcomeOf(APPLIERS.winChargeback)),
    loseChargeback: enqueueActions(outcomeOf(APPLIERS.loseChargeback)),
    endSubscription: enqueueActions(outcomeOf(APPLIERS.endSubscription)),
    rejectScreened: enqueueActions(outcomeOf(APPLIERS.rejectScreened)),
    rejectInapplicable: enqueueActions(outcomeOf(APPLIERS.rejectInapplicable)),
    reportOverdue: enqueueActions(outcomeOf(APPLIERS.reportOverdue)),
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
