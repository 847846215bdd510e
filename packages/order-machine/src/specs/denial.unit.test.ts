import { notification, pendingPayment, sale } from '../testing/notifications';
import { given, when } from '../testing/scenario';

const denial = (reason: string, amount = 0) =>
  notification('payment_denied', { reason, amount, providerStatus: reason });

describe('payment denials', () => {
  it.each([
    'echeck_denied',
    'echeck_returned',
    'fraud_denied',
    'offline_cancelled',
    'auth_reversed',
  ])(
    'given a pending order, when the payment is denied (%s), then PaymentDenied and the order is denied',
    (reason) => {
      const pending = given(pendingPayment(2500, { subscriptionRefs: ['SUB-9'] }));
      const { state, events } = when(pending, denial(reason));
      expect(state.status).toBe('denied');
      expect(events).toMatchObject([
        { type: 'PaymentDenied', amount: 2500, reason, subscriptionRefs: ['SUB-9'], sequence: 2 },
      ]);
    },
  );

  it('given a pending order, when a denial names its own amount, then PaymentDenied carries it', () => {
    const { events } = when(given(pendingPayment(2500)), denial('fraud', 2400));
    expect(events).toMatchObject([{ type: 'PaymentDenied', amount: 2400 }]);
  });

  it('given a paid order, when a denial arrives, then invalid_transition and the order stays paid', () => {
    const { state, events } = when(given(sale(100)), denial('fraud'));
    expect(events).toMatchObject([{ type: 'NotificationRejected', reason: 'invalid_transition' }]);
    expect(state.status).toBe('paid');
  });

  it('given a denied order, when the payment completes, then invalid_transition', () => {
    const denied = given(pendingPayment(100), denial('fraud'));
    const { state, events } = when(denied, sale(100));
    expect(events).toMatchObject([{ type: 'NotificationRejected', reason: 'invalid_transition' }]);
    expect(state.status).toBe('denied');
  });
});
