import type { CanonicalNotification } from '@clawback/notifications';
import { deriveEvent, type Outcome } from '../events/derive-events';
import { remainingOf, type OrderState } from '../state/order-state';
import { mergeRefs, settle } from './settle';

/** The disputed amount: the provider's, or everything still captured when it sends none. */
function disputedAmount(state: OrderState, notification: CanonicalNotification): number {
  return notification.amount > 0 ? notification.amount : remainingOf(state);
}

/** `chargeback_opened` on a paid or partially refunded order. */
export function openChargeback(state: OrderState, notification: CanonicalNotification): Outcome {
  const chargeback = {
    notificationId: notification.notificationId,
    amount: disputedAmount(state, notification),
    reasonCode: notification.reason ?? null,
  };
  const next = settle(state, notification);
  next.chargeback = chargeback;
  return deriveEvent(next, notification, {
    type: 'ChargebackOpened',
    currency: state.currency ?? notification.currency,
    amount: chargeback.amount,
    reasonCode: chargeback.reasonCode,
    affiliate: next.affiliate,
  });
}

/** `chargeback_won`: the dispute closes; totals were never touched, so nothing to restore. */
export function winChargeback(state: OrderState, notification: CanonicalNotification): Outcome {
  const amount = state.chargeback?.amount ?? disputedAmount(state, notification);
  const next = settle(state, notification);
  next.chargeback = null;
  return deriveEvent(next, notification, {
    type: 'ChargebackWon',
    currency: state.currency ?? notification.currency,
    amount,
    affiliate: next.affiliate,
  });
}

/**
 * `chargeback_lost`, after a dispute or directly (some providers only report the outcome): the
 * disputed funds are gone for good.
 */
export function loseChargeback(state: OrderState, notification: CanonicalNotification): Outcome {
  const amount = state.chargeback?.amount ?? disputedAmount(state, notification);
  const next = settle(state, notification);
  next.chargeback = null;
  next.chargedBackTotal = state.chargedBackTotal + amount;
  next.subscriptionRefs = mergeRefs(state.subscriptionRefs, notification.subscriptionRefs);
  return deriveEvent(next, notification, {
    type: 'ChargebackLost',
    currency: state.currency ?? notification.currency,
    amount,
    affiliate: next.affiliate,
    subscriptionRefs: next.subscriptionRefs,
  });
}
