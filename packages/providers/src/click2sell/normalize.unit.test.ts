import { click2sellNotification, type Click2SellInput } from '../fixtures/click2sell-notification';
import { click2sellIpnAdapter } from './adapter';

function normalize(input: Click2SellInput) {
  const { body, contentType } = click2sellNotification(input, { secretKey: 'c2s-secret' });
  return click2sellIpnAdapter.normalize({ merchantId: 'm1', body, contentType });
}

describe('Click2Sell normalize', () => {
  it('a Sale is payment_completed: price split into amount and currency, affiliate, UTC time', () => {
    const n = normalize({
      c2sTransactionId: '5550001',
      price: '12.34 USD',
      affiliateUsername: 'bob_aff',
    });
    expect(n).toMatchObject({
      orderRef: '5550001',
      orderKey: 'click2sell:m1:5550001',
      kind: 'payment_completed',
      currency: 'USD',
      amount: 1234,
      occurredAt: '2026-01-31T14:05:09Z',
      affiliate: { affiliateId: 'bob_aff' },
      subscriptionRefs: [],
      providerStatus: 'sale; payment_status=ok',
    });
    expect(n.lines).toEqual([
      { lineId: '3307', name: 'E-book: Event Sourcing', quantity: 1, amount: 1234 },
    ]);
  });

  it('a Refund reuses the sale transaction id, so it lands on the same order', () => {
    const sale = normalize({ c2sTransactionId: '5550001' });
    const refund = normalize({ c2sTransactionId: '5550001', transactionType: 'Refund' });
    expect(refund).toMatchObject({ kind: 'refund', refundScope: 'unspecified', amount: 2999 });
    expect(refund.orderKey).toBe(sale.orderKey);
    expect(refund.notificationId).not.toBe(sale.notificationId);
  });

  it('Subscription New/Recurring are payments; Cancel ends the subscription', () => {
    for (const subscriptionStatus of ['New', 'Recurring']) {
      expect(
        normalize({ c2sTransactionId: '1', transactionType: 'Subscription', subscriptionStatus })
          .kind,
      ).toBe('payment_completed');
    }
    expect(
      normalize({
        c2sTransactionId: '1',
        transactionType: 'Subscription',
        subscriptionStatus: 'Cancel',
      }),
    ).toMatchObject({
      kind: 'subscription_ended',
      providerStatus: 'subscription; subscription_status=cancel; payment_status=ok',
    });
  });

  it('a cancellation without price has amount 0 in XXX (no currency)', () => {
    const { body, contentType } = click2sellNotification(
      {
        c2sTransactionId: '1',
        transactionType: 'Subscription',
        subscriptionStatus: 'Cancel',
        price: '',
      },
      { secretKey: 'c2s-secret' },
    );
    expect(click2sellIpnAdapter.normalize({ merchantId: 'm1', body, contentType })).toMatchObject({
      kind: 'subscription_ended',
      amount: 0,
      currency: 'XXX',
    });
  });

  it('payment_status=Failed is payment_denied; an unknown type is unsupported', () => {
    expect(normalize({ c2sTransactionId: '1', paymentStatus: 'Failed' })).toMatchObject({
      kind: 'payment_denied',
      reason: 'payment_failed',
    });
    expect(normalize({ c2sTransactionId: '1', transactionType: 'Chargeback' }).kind).toBe(
      'unsupported',
    );
  });

  it('gives a stable id across retries, distinct per purchase time', () => {
    const a = normalize({ c2sTransactionId: '1', transactionType: 'Refund' });
    expect(normalize({ c2sTransactionId: '1', transactionType: 'Refund' }).notificationId).toBe(
      a.notificationId,
    );
    expect(
      normalize({ c2sTransactionId: '1', transactionType: 'Refund', purchaseTime: '14:05:10' })
        .notificationId,
    ).not.toBe(a.notificationId);
  });

  it.each<[string, Click2SellInput, string]>([
    ['a price without currency', { c2sTransactionId: '1', price: '12.34' }, 'invalid_amount'],
    [
      'a price with a bad currency',
      { c2sTransactionId: '1', price: '12.34 $$$' },
      'invalid_currency',
    ],
    ['a price in float notation', { c2sTransactionId: '1', price: '1e3 USD' }, 'invalid_amount'],
    ['a sale without price', { c2sTransactionId: '1', price: '' }, 'missing_field'],
    ['a bad date', { c2sTransactionId: '1', purchaseDate: '31.01.2026' }, 'invalid_date'],
    ['a bad time', { c2sTransactionId: '1', purchaseTime: '2pm' }, 'invalid_date'],
    ['a missing order id', { c2sTransactionId: '' }, 'missing_field'],
  ])('%s is a typed error', (_name, input, code) => {
    expect(() => normalize(input)).toThrow(expect.objectContaining({ code }));
  });
});
