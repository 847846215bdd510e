import { twoCheckoutIpn, type TwoCheckoutIpnInput } from '../fixtures/twocheckout-ipn';
import { twoCheckoutIpnAdapter } from './adapter';

const SECRET = 'sk_2co_test';

function normalize(input: TwoCheckoutIpnInput) {
  const { body, contentType } = twoCheckoutIpn(input, { secretKey: SECRET });
  return twoCheckoutIpnAdapter.normalize({ merchantId: 'm1', body, contentType });
}

const twoLines = [
  {
    pid: '101',
    name: 'Seat licence',
    qty: 3,
    price: '10.00',
    vat: '5.70',
    licenseRef: 'SUBREF0001',
  },
  { pid: '102', name: 'Support add-on', qty: 1, price: '20.00', licenseRef: 'SUBREF0002' },
];

describe('2Checkout normalize: a COMPLETE multi-product sale', () => {
  const n = normalize({ refno: '211153389', lines: twoLines, ipnDate: '20260131120000' });

  it('keys the order by REFNO', () => {
    expect(n).toMatchObject({
      provider: '2checkout',
      merchantId: 'm1',
      orderRef: '211153389',
      orderKey: '2checkout:m1:211153389',
      kind: 'payment_completed',
      providerStatus: 'COMPLETE',
      test: false,
    });
  });

  it('carries IPN_TOTALGENERAL and per-line quantity and IPN_TOTAL[] in minor units', () => {
    expect(n.currency).toBe('USD');
    expect(n.amount).toBe(5570);
    expect(n.lines).toEqual([
      { lineId: '101', name: 'Seat licence', quantity: 3, amount: 3570 },
      { lineId: '102', name: 'Support add-on', quantity: 1, amount: 2000 },
    ]);
  });

  it('lists IPN_LICENSE_REF[] as subscription refs and IPN_DATE as UTC', () => {
    expect(n.subscriptionRefs).toEqual(['SUBREF0001', 'SUBREF0002']);
    expect(n.occurredAt).toBe('2026-01-31T12:00:00Z');
    expect(n.refundScope).toBeUndefined();
    expect(n.affiliate).toBeUndefined();
  });
});

describe('2Checkout normalize: status → kind', () => {
  it.each([
    'PENDING',
    'PURCHASE_PENDING',
    'PENDING_APPROVAL',
    'PAYMENT_AUTHORIZED',
    'AUTHRECEIVED',
    'PAYMENT_RECEIVED',
    'PENDING_ORDER_APPROVAL',
    'SUSPECT',
  ])('%s is payment_pending', (status) => {
    expect(normalize({ refno: '1', status }).kind).toBe('payment_pending');
  });

  it.each([
    ['FULL', 'total'],
    ['PARTIAL', 'partial'],
    ['', 'unspecified'],
    ['SOMETHING', 'unspecified'],
  ])('REFUND with REFUND_TYPE=%s is a refund of scope %s', (refundType, scope) => {
    const n = normalize({ refno: '7', status: 'REFUND', refundType, totalGeneral: '49.00' });
    expect(n).toMatchObject({ kind: 'refund', refundScope: scope, amount: 4900 });
  });

  it('turns the negative amounts of a partial refund into positive magnitudes, without units', () => {
    const n = normalize({
      refno: '7',
      status: 'REFUND',
      refundType: 'PARTIAL',
      lines: [{ pid: '101', name: 'Seat licence', qty: 1, price: '10.00' }],
    });
    expect(n.amount).toBe(1000);
    expect(n.lines).toEqual([{ lineId: '101', name: 'Seat licence', quantity: 0, amount: 1000 }]);
  });

  it('keeps the refunded units of a total refund', () => {
    const n = normalize({ refno: '7', status: 'REFUND', refundType: 'FULL', lines: twoLines });
    expect(n.lines.map((l) => l.quantity)).toEqual([3, 1]);
    expect(n.amount).toBe(5570);
  });

  it.each([
    ['REVERSED', 'authorization_reversed'],
    ['CANCELED', 'payment_canceled'],
    ['INVALID', 'invalid'],
  ])('%s is payment_denied (%s)', (status, reason) => {
    expect(normalize({ refno: '3', status })).toMatchObject({ kind: 'payment_denied', reason });
  });

  it('FRAUD_STATUS=DENIED is payment_denied whatever the order status', () => {
    expect(normalize({ refno: '3', status: 'PENDING', fraudStatus: 'DENIED' })).toMatchObject({
      kind: 'payment_denied',
      reason: 'fraud_denied',
      providerStatus: 'PENDING; FRAUD_STATUS=DENIED',
    });
  });

  it.each([
    ['OPEN', 'chargeback_opened'],
    ['SOMETHING_NEW', 'chargeback_opened'],
    ['WON', 'chargeback_won'],
    ['LOST', 'chargeback_lost'],
    ['ACCEPTED', 'chargeback_lost'],
  ])('CHARGEBACK_RESOLUTION=%s is %s with the reason code', (resolution, kind) => {
    const n = normalize({
      refno: '5',
      chargebackResolution: resolution,
      chargebackReasonCode: 'MERCHANDISE_NOT_RECEIVED',
    });
    expect(n).toMatchObject({ kind, reason: 'MERCHANDISE_NOT_RECEIVED', amount: 4900 });
    expect(n.providerStatus).toBe(`COMPLETE; CHARGEBACK_RESOLUTION=${resolution}`);
  });

  it('a chargeback without reason code says UNKNOWN; NONE is no chargeback', () => {
    expect(normalize({ refno: '5', chargebackResolution: 'OPEN' }).reason).toBe('UNKNOWN');
    expect(normalize({ refno: '5', chargebackResolution: 'NONE' }).kind).toBe('payment_completed');
  });

  it.each(['SHIPPED_MAYBE', 'constructor', '__proto__'])(
    'an unknown status (%s) is unsupported, not an error',
    (status) => {
      expect(normalize({ refno: '9', status })).toMatchObject({
        kind: 'unsupported',
        providerStatus: status.toUpperCase(),
      });
    },
  );
});

describe('2Checkout normalize: other fields', () => {
  it('reads TEST_ORDER, the inferred AFFILIATE_CODE and zero-decimal currencies', () => {
    const n = normalize({
      refno: '8',
      testOrder: true,
      affiliateCode: 'AFF42',
      currency: 'JPY',
      lines: [{ pid: '1', name: 'x', qty: 2, price: '1500' }],
    });
    expect(n).toMatchObject({ test: true, affiliate: { affiliateId: 'AFF42' }, amount: 3000 });
    expect(n.currency).toBe('JPY');
  });

  it('falls back to IPN_PRICE[] × IPN_QTY[] when IPN_TOTAL[] is absent', () => {
    const { body, contentType } = twoCheckoutIpn(
      { refno: '8', lines: [{ pid: '1', name: 'x', qty: 2, price: '1.25' }] },
      { secretKey: SECRET },
    );
    const withoutTotals = Buffer.from(body.toString().replace(/&IPN_TOTAL%5B%5D=[^&]*/g, ''));
    const n = twoCheckoutIpnAdapter.normalize({
      merchantId: 'm1',
      body: withoutTotals,
      contentType,
    });
    expect(n.lines[0]!.amount).toBe(250);
  });
});

describe('2Checkout notificationId', () => {
  const refund = { refno: '77', status: 'REFUND', refundType: 'PARTIAL', totalGeneral: '5.00' };

  it('is the same for a retry of the same IPN (same bytes, signed again)', () => {
    expect(normalize({ ...refund, ipnDate: '20260201100000' }).notificationId).toBe(
      normalize({ ...refund, ipnDate: '20260201100000' }).notificationId,
    );
  });

  it('differs for two partial refunds of equal amount sent at different times', () => {
    expect(normalize({ ...refund, ipnDate: '20260201100000' }).notificationId).not.toBe(
      normalize({ ...refund, ipnDate: '20260202100000' }).notificationId,
    );
  });

  it('differs by MESSAGE_ID within the same second, and by merchant', () => {
    const base = { ...refund, ipnDate: '20260201100000' };
    const a = normalize({ ...base, messageId: '1001' });
    expect(normalize({ ...base, messageId: '1002' }).notificationId).not.toBe(a.notificationId);
    const { body, contentType } = twoCheckoutIpn(
      { ...base, messageId: '1001' },
      { secretKey: 'x' },
    );
    const other = twoCheckoutIpnAdapter.normalize({ merchantId: 'm2', body, contentType });
    expect(other.notificationId).not.toBe(a.notificationId);
  });
  it('is the same for a COMPLETE re-sent later with a new IPN_DATE and MESSAGE_ID', () => {
    const sale = { refno: '78', status: 'COMPLETE', totalGeneral: '30.00' };
    const first = normalize({ ...sale, ipnDate: '20260201100000', messageId: '1' });
    const resent = normalize({ ...sale, ipnDate: '20260205090000', messageId: '2' });
    expect(resent.notificationId).toBe(first.notificationId);
  });

  it('is the same for the pending statuses an offline payment walks through', () => {
    const pending = normalize({ refno: '79', status: 'PENDING', ipnDate: '20260201100000' });
    const received = normalize({
      refno: '79',
      status: 'PAYMENT_RECEIVED',
      ipnDate: '20260202100000',
    });
    expect(received.kind).toBe('payment_pending');
    expect(received.notificationId).toBe(pending.notificationId);
    const complete = normalize({ refno: '79', status: 'COMPLETE', ipnDate: '20260203100000' });
    expect(complete.notificationId).not.toBe(pending.notificationId);
  });
});

describe('2Checkout normalize: typed errors', () => {
  const cases: [string, TwoCheckoutIpnInput, string][] = [
    ['an amount with too many decimals', { refno: '1', totalGeneral: '1.001' }, 'invalid_amount'],
    ['an unknown currency code', { refno: '1', currency: 'DOLLARS' }, 'invalid_currency'],
    ['a malformed IPN_DATE', { refno: '1', ipnDate: '2012042612343' }, 'invalid_date'],
    ['an impossible IPN_DATE', { refno: '1', ipnDate: '20260230120000' }, 'invalid_date'],
    ['an order ref with a colon', { refno: '1:2' }, 'invalid_field'],
  ];
  it.each(cases)('%s', (_name, input, code) => {
    expect(() => normalize(input)).toThrow(expect.objectContaining({ code }));
  });

  it('a per-line array with the wrong number of values is invalid_field', () => {
    const { body, contentType } = twoCheckoutIpn(
      { refno: '1', extraFields: [['IPN_QTY[]', '4']] },
      { secretKey: SECRET },
    );
    expect(() => twoCheckoutIpnAdapter.normalize({ merchantId: 'm1', body, contentType })).toThrow(
      expect.objectContaining({ code: 'invalid_field', field: 'IPN_QTY[]' }),
    );
  });
});

describe('2Checkout normalize: line quantities of a refund', () => {
  it('marks the IPN_QTY[] of a REFUND without REFUND_TYPE as repeated order quantities', () => {
    const n = normalize({
      refno: '7',
      status: 'REFUND',
      totalGeneral: '-30.00',
      lines: [{ pid: '101', name: 'Seat licence', qty: 1, price: '-30.00' }],
    });
    expect(n).toMatchObject({
      kind: 'refund',
      refundScope: 'unspecified',
      amount: 3000,
      lineQuantities: 'order_quantities',
    });
    expect(n.lines).toEqual([{ lineId: '101', name: 'Seat licence', quantity: 1, amount: 3000 }]);
  });

  it('gives a sale no lineQuantities: its quantities are the units sold', () => {
    expect(normalize({ refno: '7', lines: twoLines })).not.toHaveProperty('lineQuantities');
  });
});
