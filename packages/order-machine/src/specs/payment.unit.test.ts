import { notification, pendingPayment, sale } from '../testing/notifications';
import { given, when } from '../testing/scenario';

describe('payments', () => {
  it('given a new order, when a pending payment arrives, then PaymentPending and the order is pending', () => {
    const { state, events } = when(undefined, pendingPayment(5000));
    expect(state.status).toBe('pending');
    expect(events).toMatchObject([{ type: 'PaymentPending', amount: 5000, sequence: 1 }]);
  });

  it('given a pending order, when the payment completes, then OrderPaid and the order is paid', () => {
    const pending = given(pendingPayment(5000));
    const completed = sale(5000);
    const { state, events } = when(pending, completed);
    expect(state.status).toBe('paid');
    expect(state.paid).toBe(5000);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'OrderPaid',
        amount: 5000,
        sequence: 2,
        causationId: completed.notificationId,
        eventId: `${completed.notificationId}#0`,
      }),
    ]);
  });

  it('given a new order, when a sale arrives, then OrderPaid carries lines, affiliate and subscriptions', () => {
    const paid = sale(3000, {
      lines: [{ lineId: 'p1', name: 'Course', quantity: 2, amount: 3000 }],
      affiliate: { affiliateId: 'aff-7', commission: 900 },
      subscriptionRefs: ['SUB-1', 'SUB-2', 'SUB-1'],
    });
    const { state, events } = when(undefined, paid);
    expect(state.status).toBe('paid');
    expect(events).toMatchObject([
      {
        type: 'OrderPaid',
        currency: 'USD',
        amount: 3000,
        lines: [{ lineId: 'p1', name: 'Course', quantity: 2, amount: 3000 }],
        affiliate: { affiliateId: 'aff-7', commission: 900 },
        subscriptionRefs: ['SUB-1', 'SUB-2'],
      },
    ]);
  });

  it('given a pending order with an affiliate, when the completion omits it, then OrderPaid keeps it', () => {
    const pending = given(pendingPayment(100, { affiliate: { affiliateId: 'aff-1' } }));
    const { events } = when(pending, sale(100));
    expect(events).toMatchObject([{ affiliate: { affiliateId: 'aff-1', commission: null } }]);
  });

  it.each(['payment_completed', 'payment_pending'] as const)(
    'given a paid order, when another %s arrives, then NotificationRejected{already_paid}',
    (kind) => {
      const paid = given(sale(100));
      const { state, events } = when(paid, notification(kind, { amount: 100 }));
      expect(events).toMatchObject([{ type: 'NotificationRejected', reason: 'already_paid' }]);
      expect(state.status).toBe('paid');
    },
  );

  it('given a pending order in USD, when the payment completes in EUR, then currency_mismatch', () => {
    const pending = given(pendingPayment(100));
    const { state, events } = when(pending, sale(100, { currency: 'EUR' }));
    expect(events).toMatchObject([{ type: 'NotificationRejected', reason: 'currency_mismatch' }]);
    expect(state.status).toBe('pending');
  });
});
