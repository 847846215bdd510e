import { kartraIpn, type KartraIpnInput } from '../fixtures/kartra-ipn';
import { kartraOutboundJson, type KartraOutboundInput } from '../fixtures/kartra-outbound-json';
import type { NormalizeOptions } from '../provider-adapter';
import { kartraIpnAdapter } from './adapter';

function ipn(input: KartraIpnInput, options?: NormalizeOptions) {
  const { body, contentType } = kartraIpn(input, { secretKey: 'kartra-secret' });
  return kartraIpnAdapter.normalize({ merchantId: 'm1', body, contentType }, options);
}

function outbound(input: KartraOutboundInput, receivedAt?: string) {
  const { body, contentType } = kartraOutboundJson(input);
  return kartraIpnAdapter.normalize({ merchantId: 'm1', body, contentType, receivedAt });
}

describe('Kartra IPN normalize', () => {
  it('a sale is payment_completed of its own order, with the line, affiliate and time', () => {
    const n = ipn({
      transactionId: '800',
      amount: '47.00',
      quantity: 2,
      affiliate: 'jane_aff',
      subscriptionId: '3301',
    });
    expect(n).toMatchObject({
      orderRef: '800',
      orderKey: 'kartra:m1:800',
      kind: 'payment_completed',
      currency: 'USD',
      amount: 4700,
      occurredAt: '2026-01-31T14:30:00Z',
      affiliate: { affiliateId: 'jane_aff' },
      subscriptionRefs: ['3301'],
      providerStatus: 'sale',
      test: false,
    });
    expect(n.lines).toEqual([
      { lineId: '8812', name: 'Course: Kafka in Practice', quantity: 2, amount: 4700 },
    ]);
  });

  it('reads N/A as empty: no affiliate, no subscription', () => {
    const n = ipn({ transactionId: '800' });
    expect(n.affiliate).toBeUndefined();
    expect(n.subscriptionRefs).toEqual([]);
  });

  it('a rebill is payment_completed of its own (new) order', () => {
    expect(ipn({ transactionId: '801', type: 'rebill', subscriptionId: '3301' })).toMatchObject({
      orderRef: '801',
      kind: 'payment_completed',
      subscriptionRefs: ['3301'],
    });
  });

  it('refund and partial_refund land on the parent order; refund scope is unspecified', () => {
    expect(ipn({ transactionId: '900', parentId: '800', type: 'refund' })).toMatchObject({
      orderRef: '800',
      kind: 'refund',
      refundScope: 'unspecified',
      amount: 4700,
    });
    const partial = ipn({
      transactionId: '901',
      parentId: '800',
      type: 'partial_refund',
      amount: '-10.00',
    });
    expect(partial).toMatchObject({
      orderRef: '800',
      kind: 'refund',
      refundScope: 'partial',
      amount: 1000,
    });
    expect(partial.lines[0]!.quantity).toBe(0);
  });

  it('a chargeback is final (chargeback_lost), a failed rebill is payment_denied', () => {
    expect(ipn({ transactionId: '902', parentId: '800', type: 'chargeback' })).toMatchObject({
      orderRef: '800',
      kind: 'chargeback_lost',
      reason: 'marked_as_chargeback',
    });
    expect(ipn({ transactionId: '903', type: 'failed', subscriptionId: '3301' })).toMatchObject({
      orderRef: '903',
      kind: 'payment_denied',
      reason: 'rebill_failed',
      subscriptionRefs: ['3301'],
    });
  });

  it('a cancellation ends the subscription and needs no amount', () => {
    const n = ipn({
      transactionId: '800',
      type: 'cancellation',
      amount: 'N/A',
      subscriptionId: '3301',
    });
    expect(n).toMatchObject({ kind: 'subscription_ended', amount: 0, subscriptionRefs: ['3301'] });
  });

  it.each(['upgrade', 'constructor', '__proto__', 'toString'])(
    'an unknown type (%s) is unsupported',
    (type) => {
      expect(ipn({ transactionId: '800', type })).toMatchObject({
        kind: 'unsupported',
        providerStatus: type.toLowerCase(),
      });
    },
  );

  it('uses the merchant currency option (JPY has no decimals)', () => {
    expect(ipn({ transactionId: '800', amount: '4700' }, { currency: 'JPY' })).toMatchObject({
      currency: 'JPY',
      amount: 4700,
    });
    expect(() => ipn({ transactionId: '800' }, { currency: 'US$' })).toThrow(
      expect.objectContaining({ code: 'invalid_currency' }),
    );
  });

  it('gives a stable id per transaction and type, distinct for two equal partial refunds', () => {
    const a = ipn({
      transactionId: '901',
      parentId: '800',
      type: 'partial_refund',
      amount: '10.00',
    });
    const again = ipn({
      transactionId: '901',
      parentId: '800',
      type: 'partial_refund',
      amount: '10.00',
    });
    const b = ipn({
      transactionId: '902',
      parentId: '800',
      type: 'partial_refund',
      amount: '10.00',
    });
    expect(again.notificationId).toBe(a.notificationId);
    expect(b.notificationId).not.toBe(a.notificationId);
    expect(a.notificationId).toMatch(/^kartra:[0-9a-f]{32}$/);
  });

  it.each<[string, KartraIpnInput, string]>([
    ['missing amount on a sale', { transactionId: '1', amount: 'N/A' }, 'missing_field'],
    ['a bad amount', { transactionId: '1', amount: '12,50' }, 'invalid_amount'],
    ['a bad date', { transactionId: '1', date: 'N/A' }, 'missing_field'],
    ['a bad quantity', { transactionId: '1', quantity: 1.5 }, 'invalid_field'],
  ])('%s is a typed error', (_name, input, code) => {
    expect(() => ipn(input)).toThrow(expect.objectContaining({ code }));
  });
});

describe('Kartra outbound JSON normalize', () => {
  it('refund_product with a numeric amount keeps exact minor units', () => {
    const n = outbound(
      { action: 'refund_product', transactionId: '800', amount: '19.90', amountAsNumber: true },
      '2026-02-01T10:11:12.345Z',
    );
    expect(n).toMatchObject({
      orderRef: '800',
      kind: 'refund',
      refundScope: 'unspecified',
      amount: 1990,
      occurredAt: '2026-02-01T10:11:12Z',
      providerStatus: 'refund_product',
    });
  });

  it('maps partial_refund_product, buy_product and cancel_subscription', () => {
    const at = '2026-02-01T10:00:00Z';
    expect(
      outbound({ action: 'partial_refund_product', transactionId: '9', parentId: '8' }, at),
    ).toMatchObject({ orderRef: '8', kind: 'refund', refundScope: 'partial' });
    expect(outbound({ action: 'buy_product', transactionId: '8' }, at).kind).toBe(
      'payment_completed',
    );
    expect(
      outbound({
        action: 'cancel_subscription',
        transactionId: '8',
        subscriptionId: '3301',
        date: '2026-07-04 12:00:00',
      }),
    ).toMatchObject({
      kind: 'subscription_ended',
      occurredAt: '2026-07-04T16:00:00Z',
      subscriptionRefs: ['3301'],
    });
    expect(outbound({ action: 'affiliate_signup', transactionId: '8' }, at).kind).toBe(
      'unsupported',
    );
  });

  it('gives the same id as the IPN for the same refund when both surfaces are configured', () => {
    const viaIpn = ipn({
      transactionId: '901',
      parentId: '800',
      type: 'partial_refund',
      amount: '10.00',
    });
    const viaJson = outbound(
      { action: 'partial_refund_product', transactionId: '901', parentId: '800', amount: '10.00' },
      '2026-02-01T10:00:00Z',
    );
    expect(viaJson.notificationId).toBe(viaIpn.notificationId);
  });

  it('needs a date from the body or the record', () => {
    expect(() => outbound({ action: 'buy_product', transactionId: '8' })).toThrow(
      expect.objectContaining({ code: 'missing_field', field: 'transaction_date' }),
    );
    expect(() => outbound({ action: 'buy_product', transactionId: '8' }, 'tuesday')).toThrow(
      expect.objectContaining({ code: 'invalid_date' }),
    );
  });

  it('refuses JSON that is not an object, or without a transaction', () => {
    const norm = (text: string) =>
      kartraIpnAdapter.normalize({
        merchantId: 'm1',
        body: Buffer.from(text),
        contentType: 'application/json',
      });
    expect(() => norm('[1,2]')).toThrow(expect.objectContaining({ code: 'malformed_body' }));
    expect(() => norm('{"action":"buy_product"}')).toThrow(
      expect.objectContaining({ code: 'missing_field', field: 'transaction_id' }),
    );
    expect(() =>
      norm('{"action":"x","action_details":{"transaction_details":{"transaction_id":{}}}}'),
    ).toThrow(expect.objectContaining({ code: 'invalid_field' }));
  });
});
