import { notification, sale } from '../testing/notifications';
import { given, when } from '../testing/scenario';

const ended = (refs: string[]) => notification('subscription_ended', { subscriptionRefs: refs });

describe('subscriptions', () => {
  it('given a paid order, when the provider ends a subscription, then SubscriptionEnded names it', () => {
    const paid = given(sale(100, { subscriptionRefs: ['SUB-1', 'SUB-2'] }));
    const { state, events } = when(paid, ended(['SUB-2']));
    expect(events).toMatchObject([{ type: 'SubscriptionEnded', subscriptionRefs: ['SUB-2'] }]);
    expect(state.status).toBe('paid');
  });

  it('given a paid order, when the notice names no ref, then every ref of the order ends', () => {
    const paid = given(sale(100, { subscriptionRefs: ['SUB-1'] }));
    const { events } = when(paid, ended([]));
    expect(events).toMatchObject([{ type: 'SubscriptionEnded', subscriptionRefs: ['SUB-1'] }]);
  });

  it('given a paid order, when a notice in another currency ends it, then it still applies', () => {
    const paid = given(sale(100, { subscriptionRefs: ['SUB-1'] }));
    const { events } = when(paid, { ...ended(['SUB-1']), currency: 'EUR' });
    expect(events).toMatchObject([{ type: 'SubscriptionEnded', currency: 'USD' }]);
  });
});
