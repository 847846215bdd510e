// Issue 5 (commissions), end to end from HTTP: signed 2Checkout IPNs go through the real ingress,
// the order lifecycle and commission-reversals; the suite checks the adjustments on
// affiliates.commission.adjustments and the balances the read API serves against figures
// computed by hand below.
import {
  type AvroCommissionAdjustment,
  type CommissionAdjustment,
  fromAvroAdjustment,
} from '@clawback/commission-reversals';
import type { TwoCheckoutIpnInput } from '@clawback/providers/testing';
import { oneLineIpn } from './support/one-line-ipn';
import { waitFor } from '@clawback/test-harness';
import { type Pipeline, startPipeline } from './support/pipeline';
import { decodeValues, waitForGroupToCatchUp } from './support/topic-readers';

const MERCHANT = 'e2e-commissions';
const SECRET = 'e2e-2checkout-secret-key';
const route = { provider: '2checkout', merchantId: MERCHANT } as const;

/** A one-line USD IPN of `amount` for order `refno`, credited to `affiliate` when given. */
const ipn = (
  refno: string,
  amount: string,
  ipnDate: string,
  extra: Partial<TwoCheckoutIpnInput> = {},
) => oneLineIpn(SECRET, refno, amount, ipnDate, extra);
const sale = (refno: string, amount: string, affiliate: string | undefined, ipnDate: string) =>
  ipn(refno, amount, ipnDate, affiliate === undefined ? {} : { affiliateCode: affiliate });
const partialRefund = (refno: string, amount: string, ipnDate: string) =>
  ipn(refno, amount, ipnDate, { status: 'REFUND', refundType: 'PARTIAL' });
const chargeback = (refno: string, amount: string, resolution: string, ipnDate: string) =>
  ipn(refno, amount, ipnDate, { chargebackResolution: resolution, chargebackReasonCode: 'FRAUD' });

/** `[type, reason, amount, earnedTotal, reversedTotal, heldTotal]` of one adjustment. */
const row = (a: CommissionAdjustment) => [
  a.type,
  a.reason,
  a.amount,
  a.earnedTotal,
  a.reversedTotal,
  a.heldTotal,
];

describe('commission adjustments and balances from HTTP (ingress, order lifecycle, commission-reversals)', () => {
  let pipeline: Pipeline;

  beforeAll(async () => {
    pipeline = await startPipeline({
      merchants: {
        // 35 %: most amounts do not divide evenly, so rounding is exercised.
        [MERCHANT]: { '2checkout': { secretKey: SECRET }, commission: { defaultRate: '0.35' } },
      },
      downstream: ['commission-reversals'],
    });
  });
  afterAll(() => pipeline?.stop());

  it('books exactly the hand-computed adjustments and balances for refunds, a chargeback won and chargebacks lost', async () => {
    const posts = [
      // A (aff-a): 99.99 refunded in three equal parts.
      sale('73000001', '99.99', 'aff-a', '20260302100000'),
      partialRefund('73000001', '33.33', '20260303100000'),
      partialRefund('73000001', '33.33', '20260304100000'),
      partialRefund('73000001', '33.33', '20260305100000'),
      // B (aff-a): 50.00, a 10.00 refund, then a chargeback opened and won.
      sale('73000002', '50.00', 'aff-a', '20260302110000'),
      partialRefund('73000002', '10.00', '20260303110000'),
      chargeback('73000002', '50.00', 'OPEN', '20260304110000'),
      chargeback('73000002', '50.00', 'WON', '20260306110000'),
      // C (aff-b): 80.00, a chargeback opened and lost.
      sale('73000003', '80.00', 'aff-b', '20260302120000'),
      chargeback('73000003', '80.00', 'OPEN', '20260303120000'),
      chargeback('73000003', '80.00', 'LOST', '20260305120000'),
      // D (aff-b): 20.00, a 5.00 refund, then lost without an opening (providers that only report the outcome).
      sale('73000004', '20.00', 'aff-b', '20260302130000'),
      partialRefund('73000004', '5.00', '20260303130000'),
      chargeback('73000004', '20.00', 'LOST', '20260305130000'),
      // E (aff-b): 12.34, nothing happens after.
      sale('73000005', '12.34', 'aff-b', '20260302140000'),
      // F: no affiliate, refunded: no commission at all.
      sale('73000006', '40.00', undefined, '20260302150000'),
      partialRefund('73000006', '40.00', '20260303150000'),
    ];
    for (const body of posts) expect((await pipeline.post(route, body)).status).toBe(200);

    const { context, env, registry } = pipeline;
    await waitForGroupToCatchUp(context, env.LIFECYCLE_GROUP_ID!, context.topics.notificationsRaw);
    await waitForGroupToCatchUp(context, env.COMMISSIONS_GROUP_ID!, context.topics.lifecycleEvents);
    const records = await context.readAll(context.topics.commissionAdjustments, {
      timeoutMs: 30_000,
    });
    const adjustments = (await decodeValues<AvroCommissionAdjustment>(registry, records)).map(
      (value) => fromAvroAdjustment(value)!,
    );
    const ofOrder = (refno: string) => adjustments.filter((a) => a.orderRef === refno).map(row);

    // A: earned round(9999 × 0.35 = 3499.65) = 3500. Reversals follow the cumulative refunded share:
    // round(3500 × 3333/9999 = 1166.67) = 1167; round(3500 × 6666/9999 = 2333.33) = 2333, so 2333 − 1167 = 1166;
    // the last refund completes the order: 3500 − 2333 = 1167. 1167 + 1166 + 1167 = 3500, no rounding drift.
    expect(ofOrder('73000001')).toEqual([
      ['CommissionEarned', 'order_paid', 3500, 3500, 0, 0],
      ['CommissionReversed', 'refund_partial', -1167, 3500, 1167, 0],
      ['CommissionReversed', 'refund_partial', -1166, 3500, 2333, 0],
      ['CommissionReversed', 'refund_full', -1167, 3500, 3500, 0],
    ]);
    // B: earned 5000 × 0.35 = 1750; the 1000 refund reverses 1750 × 1000/5000 = 350; the chargeback
    // holds what is left, 1750 − 350 = 1400; winning it reinstates those 1400.
    expect(ofOrder('73000002')).toEqual([
      ['CommissionEarned', 'order_paid', 1750, 1750, 0, 0],
      ['CommissionReversed', 'refund_partial', -350, 1750, 350, 0],
      ['CommissionReversed', 'chargeback_opened', -1400, 1750, 1750, 1400],
      ['CommissionReinstated', 'chargeback_won', 1400, 1750, 350, 0],
    ]);
    // C: earned 8000 × 0.35 = 2800, all held when the chargeback opens; losing it keeps it
    // reversed, so the loss itself books nothing more.
    expect(ofOrder('73000003')).toEqual([
      ['CommissionEarned', 'order_paid', 2800, 2800, 0, 0],
      ['CommissionReversed', 'chargeback_opened', -2800, 2800, 2800, 2800],
    ]);
    // D: earned 2000 × 0.35 = 700; the 500 refund reverses 700 × 500/2000 = 175; the loss
    // reverses the remaining 700 − 175 = 525.
    expect(ofOrder('73000004')).toEqual([
      ['CommissionEarned', 'order_paid', 700, 700, 0, 0],
      ['CommissionReversed', 'refund_partial', -175, 700, 175, 0],
      ['CommissionReversed', 'chargeback_lost', -525, 700, 700, 0],
    ]);
    // E: round(1234 × 0.35 = 431.9) = 432. F: no affiliate, nothing.
    expect(ofOrder('73000005')).toEqual([['CommissionEarned', 'order_paid', 432, 432, 0, 0]]);
    expect(ofOrder('73000006')).toEqual([]);
    expect(adjustments).toHaveLength(14);
    expect(new Set(adjustments.map((a) => a.adjustmentId)).size).toBe(14);
    // Keyed by affiliate, so one affiliate's adjustments stay in order on one partition.
    expect(records.map((r) => r.key?.toString())).toEqual(
      adjustments.map((a) => `${MERCHANT}:${a.affiliateId}`),
    );

    // The read API, once the ledger has booked every adjustment of the affiliate.
    const ledger = (affiliate: string, entries: number) =>
      waitFor(
        async () => {
          const response = await fetch(
            `${pipeline.readApiUrl}/v1/affiliates/${MERCHANT}/${affiliate}`,
          );
          const body = response.ok
            ? ((await response.json()) as { totalEntries: number; balances: unknown[] })
            : undefined;
          return body !== undefined && body.totalEntries >= entries ? body : undefined;
        },
        {
          timeoutMs: 120_000,
          intervalMs: 200,
          description: `${entries} ledger entries of ${affiliate}`,
        },
      );
    // aff-a: earned 3500 + 1750 = 5250; reversed 3500 + 350 + 1400 = 5250; reinstated 1400;
    // balance 5250 − 5250 + 1400 = 1400.
    expect(await ledger('aff-a', 8)).toMatchObject({
      totalEntries: 8,
      balances: [
        { currency: 'USD', earned: 5250, reversed: 5250, reinstated: 1400, balance: 1400 },
      ],
    });
    // aff-b: earned 2800 + 700 + 432 = 3932; reversed 2800 + 175 + 525 = 3500; balance 432.
    expect(await ledger('aff-b', 6)).toMatchObject({
      totalEntries: 6,
      balances: [{ currency: 'USD', earned: 3932, reversed: 3500, reinstated: 0, balance: 432 }],
    });
  });
});
