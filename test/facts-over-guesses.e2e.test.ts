// Issue 10 §1, end to end from HTTP: provider money facts are applied, never refused on a guess.
// Signed IPNs go through the real ingress, the order lifecycle and commission-reversals; the
// suite checks the lifecycle events and the commission adjustments against hand-computed figures.
import type { TwoCheckoutIpnInput } from '@clawback/providers/testing';
import { oneLineIpn } from './support/one-line-ipn';
import { eventRows } from './support/event-rows';
import { type Pipeline, startPipeline } from './support/pipeline';
import { adjustmentRow, adjustmentsOfOrder, eventsOfOrder } from './support/order-outputs';

const MERCHANT = 'e2e-facts';
const SECRET = 'e2e-2checkout-secret-key';
const route = { provider: '2checkout', merchantId: MERCHANT } as const;
const HOUR = 3_600_000;

/** A one-line, one-unit USD IPN (IPN_QTY[]=1); refunds are sent negative, as 2Checkout does. */
const ipn = (
  refno: string,
  amount: string,
  ipnDate: string,
  extra: Partial<TwoCheckoutIpnInput> = {},
) => oneLineIpn(SECRET, refno, amount, ipnDate, extra);
const sale = (refno: string, amount: string, ipnDate: string) =>
  ipn(refno, amount, ipnDate, { affiliateCode: 'aff-facts' });
/** No REFUND_TYPE: 2Checkout does not document its values, so nothing is inferred from it. */
const refund = (refno: string, amount: string, ipnDate: string) =>
  ipn(refno, amount, ipnDate, { status: 'REFUND' });

describe('money facts over guesses, from HTTP (ingress, order lifecycle, commission-reversals)', () => {
  let pipeline: Pipeline;

  beforeAll(async () => {
    pipeline = await startPipeline({
      merchants: {
        [MERCHANT]: { '2checkout': { secretKey: SECRET }, commission: { defaultRate: '0.30' } },
      },
      downstream: ['commission-reversals'],
      // One partition and a one-hour horizon: a notification dated two hours later makes an
      // earlier parked refund overdue, whatever partition its order key would hash to.
      partitions: 1,
      env: { LIFECYCLE_ORPHAN_HORIZON_MS: String(HOUR) },
    });
  });
  afterAll(() => pipeline?.stop());

  it('given one unit at 100.00 and three REFUND IPNs of 30.00, 50.00 and 20.00 with IPN_QTY[]=1 and no REFUND_TYPE, then all three apply, the last one full, and the commission is reversed in full', async () => {
    const refno = '74000001';
    const orderKey = `2checkout:${MERCHANT}:${refno}`;
    for (const body of [
      sale(refno, '100.00', '20260302100000'),
      refund(refno, '30.00', '20260303100000'),
      refund(refno, '50.00', '20260304100000'),
      refund(refno, '20.00', '20260305100000'),
    ])
      expect((await pipeline.post(route, body)).status).toBe(200);

    const events = await eventsOfOrder(pipeline, orderKey, 4);
    // IPN_QTY[]=1 on each refund repeats the order's quantity: read as refunded units the second
    // and third would exceed the one unit sold, so they carry a warning, never a refusal.
    expect(eventRows(events)).toEqual([
      { sequence: 1, type: 'OrderPaid', currency: 'USD', amount: 10000 },
      // 10000 − 3000 = 7000
      {
        sequence: 2,
        type: 'RefundApplied',
        currency: 'USD',
        amount: 3000,
        refundedTotal: 3000,
        remaining: 7000,
        kind: 'partial',
      },
      // 3000 + 5000 = 8000 refunded, 2000 remaining
      {
        sequence: 3,
        type: 'RefundApplied',
        currency: 'USD',
        amount: 5000,
        refundedTotal: 8000,
        remaining: 2000,
        kind: 'partial',
      },
      // 8000 + 2000 = 10000 = paid: nothing remains
      {
        sequence: 4,
        type: 'RefundApplied',
        currency: 'USD',
        amount: 2000,
        refundedTotal: 10000,
        remaining: 0,
        kind: 'full',
      },
    ]);
    expect(
      events.map((e) => (e.type === 'RefundApplied' ? e.warnings.map((w) => w.code) : null)),
    ).toEqual([null, [], ['inferred_quantity_implausible'], ['inferred_quantity_implausible']]);

    // Earned 10000 × 0.30 = 3000. Reversed by the cumulative refunded share: 3000 × 3000/10000 = 900;
    // 3000 × 8000/10000 = 2400, so 2400 − 900 = 1500; the full refund reverses the rest, 3000 − 2400 = 600.
    expect((await adjustmentsOfOrder(pipeline, orderKey, 4)).map(adjustmentRow)).toEqual([
      ['CommissionEarned', 'order_paid', 3000, 0],
      ['CommissionReversed', 'refund_partial', -900, 900],
      ['CommissionReversed', 'refund_partial', -1500, 2400],
      ['CommissionReversed', 'refund_full', -600, 3000],
    ]);
  });

  it('given a refund whose sale arrives after the orphan horizon, when the sale arrives, then the refund is applied and the commission reversed', async () => {
    const refno = '74000002';
    const orderKey = `2checkout:${MERCHANT}:${refno}`;
    expect((await pipeline.post(route, refund(refno, '25.00', '20260310100000'))).status).toBe(200);
    // Another order's sale, dated two hours later (past the one-hour horizon), moves the
    // partition's watermark: the parked refund is reported overdue and stays parked.
    expect((await pipeline.post(route, sale('74000003', '10.00', '20260310120000'))).status).toBe(
      200,
    );
    const overdue = await eventsOfOrder(pipeline, orderKey, 1);
    expect(overdue.map(({ type, sequence }) => ({ type, sequence }))).toEqual([
      { type: 'NotificationOverdue', sequence: 1 },
    ]);

    expect((await pipeline.post(route, sale(refno, '100.00', '20260309100000'))).status).toBe(200);
    const events = await eventsOfOrder(pipeline, orderKey, 3);
    expect(eventRows(events).slice(1)).toEqual([
      { sequence: 2, type: 'OrderPaid', currency: 'USD', amount: 10000 },
      // applied right after its sale, as if it had never been late: 10000 − 2500 = 7500
      {
        sequence: 3,
        type: 'RefundApplied',
        currency: 'USD',
        amount: 2500,
        refundedTotal: 2500,
        remaining: 7500,
        kind: 'partial',
      },
    ]);
    // Earned 10000 × 0.30 = 3000; the refund reverses 3000 × 2500/10000 = 750.
    expect((await adjustmentsOfOrder(pipeline, orderKey, 2)).map(adjustmentRow)).toEqual([
      ['CommissionEarned', 'order_paid', 3000, 0],
      ['CommissionReversed', 'refund_partial', -750, 750],
    ]);
  });
});
