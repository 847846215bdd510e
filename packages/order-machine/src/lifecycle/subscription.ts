import type { CanonicalNotification } from '@clawback/notifications';
import { deriveEvent, type Outcome } from '../events/derive-events';
import type { OrderState } from '../state/order-state';
import { mergeRefs, settle } from './settle';

/**
 * `subscription_ended`: names the refs the provider reported, or every ref of the order when it
 * names none, so a reader needs nothing but the event.
 */
export function endSubscription(state: OrderState, notification: CanonicalNotification): Outcome {
  const next = settle(state, notification);
  next.subscriptionRefs = mergeRefs(state.subscriptionRefs, notification.subscriptionRefs);
  const ended =
    notification.subscriptionRefs.length > 0
      ? mergeRefs([], notification.subscriptionRefs)
      : next.subscriptionRefs;
  return deriveEvent(next, notification, {
    type: 'SubscriptionEnded',
    currency: state.currency ?? notification.currency,
    subscriptionRefs: ended,
  });
}
