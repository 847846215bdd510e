// Issue 4, end to end from HTTP: signed 2Checkout IPNs go through the real ingress and the order
// lifecycle, and the suite reads exactly what landed on orders.lifecycle.events.
import { type TwoCheckoutIpnInput, twoCheckoutIpn } from '@clawback/providers/testing';
import { eventRows } from './support/event-rows';
import { type Pipeline, startPipeline } from './support/pipeline';
import { decodeLifecycleEvents, keyed, waitForGroupToCatchUp } from './support/topic-readers';

const MERCHANT = 'e2e-refunds';
const SECRET = 'e2e-2checkout-secret-key';
const route = { provider: '2checkout', merchantId: MERCHANT } as const;

/** A one-line 2Checkout IPN of `amount` USD for order `refno`, signed with the merchant's key. */
const ipn = (refno: string, amount: string, extra: Partial<TwoCheckoutIpnInput>) =>
  twoCheckoutIpn(
    {
      refno,
      currency: 'USD',
      lines: [{ pid: '40898000', name: 'Pro plan (yearly)', qty: 1, price: amount }],
      ...extra,
    },
    { secretKey: SECRET, algorithm: 'all' },
  );
const sale = (refno: string, amount: string, ipnDate: string) =>
  ipn(refno, amount, { status: 'COMPLETE', ipnDate });
const partialRefund = (refno: string, amount: string, ipnDate: string) =>
  ipn(refno, amount, { status: 'REFUND', refundType: 'PARTIAL', ipnDate });

describe('refunds from HTTP to orders.lifecycle.events (ingress, order lifecycle)', () => {
  let pipeline: Pipeline;

  beforeAll(async () => {
    pipeline = await startPipeline({
      merchants: { [MERCHANT]: { '2checkout': { secretKey: SECRET } } },
    });
  });
  afterAll(() => pipeline?.stop());

  /** Waits for `count` events of the order, then checks nothing more is on the topic for it. */
  const eventsOf = async (orderKey: string, count: number) => {
    const { context, registry } = pipeline;
    const topic = context.topics.lifecycleEvents;
    await context.readAll(topic, {
      until: (records) => keyed(records, orderKey).length >= count,
      timeoutMs: 120_000,
    });
    return decodeLifecycleEvents(
      registry,
      keyed(await context.readAll(topic, { timeoutMs: 30_000 }), orderKey),
    );
  };

  it('given a sale, two partial refunds, an over-refund, a duplicate and the remainder, then exactly the expected events', async () => {
    const refno = '71000001';
    const orderKey = `2checkout:${MERCHANT}:${refno}`;
    const secondRefund = partialRefund(refno, '20.00', '20260303100000');

    const answers = [
      await pipeline.post(route, sale(refno, '120.00', '20260301100000')),
      await pipeline.post(route, partialRefund(refno, '30.00', '20260302100000')),
      await pipeline.post(route, secondRefund),
      await pipeline.post(route, partialRefund(refno, '100.00', '20260304100000')),
      // 2Checkout retries an IPN it got no read receipt for: the very same signed body again.
      await pipeline.post(route, secondRefund),
      await pipeline.post(route, partialRefund(refno, '70.00', '20260305100000')),
    ];

    // Every authentic IPN gets 200 with a signed read receipt, the duplicate and the rejected
    // over-refund included (rejecting is the lifecycle's job; the ingress only stores facts).
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    for (const answer of answers)
      expect(answer.body).toMatch(/^<sig algo="sha3-256" date="\d{14}">[0-9a-f]{64}<\/sig>$/);

    const events = await eventsOf(orderKey, 5);
    expect(eventRows(events)).toEqual([
      { sequence: 1, type: 'OrderPaid', currency: 'USD', amount: 12000 },
      // 12000 paid − 3000 refunded = 9000 remaining
      {
        sequence: 2,
        type: 'RefundApplied',
        currency: 'USD',
        amount: 3000,
        refundedTotal: 3000,
        remaining: 9000,
        kind: 'partial',
      },
      // 3000 + 2000 = 5000 refunded; 12000 − 5000 = 7000 remaining
      {
        sequence: 3,
        type: 'RefundApplied',
        currency: 'USD',
        amount: 2000,
        refundedTotal: 5000,
        remaining: 7000,
        kind: 'partial',
      },
      // 10000 > 7000 remaining: rejected, totals unchanged
      {
        sequence: 4,
        type: 'NotificationRejected',
        currency: 'USD',
        amount: 10000,
        reason: 'over_refund',
      },
      // the duplicate of the 2000 refund: no event. 5000 + 7000 = 12000 = paid: nothing remains
      {
        sequence: 5,
        type: 'RefundApplied',
        currency: 'USD',
        amount: 7000,
        refundedTotal: 12000,
        remaining: 0,
        kind: 'full',
      },
    ]);
    expect(
      events.every((event) => event.orderKey === orderKey && event.provider === '2checkout'),
    ).toBe(true);
    expect(new Set(events.map((event) => event.eventId)).size).toBe(5);
    // Refunds are never rejected behind the operators' backs: nothing was dead-lettered.
    const deadLetters = await pipeline.context.readAll(pipeline.context.topics.notificationsDlq, {
      timeoutMs: 30_000,
    });
    expect(deadLetters).toEqual([]);
  });

  it('given a partial refund that arrives before its sale, when the sale arrives, then the refund applies right after it', async () => {
    const refno = '71000002';
    const orderKey = `2checkout:${MERCHANT}:${refno}`;

    expect(
      (await pipeline.post(route, partialRefund(refno, '15.50', '20260302090000'))).status,
    ).toBe(200);
    // The lifecycle has read the refund, and parked it: the order has no event yet.
    const { context, env } = pipeline;
    await waitForGroupToCatchUp(context, env.LIFECYCLE_GROUP_ID!, context.topics.notificationsRaw);
    const before = await context.readAll(context.topics.lifecycleEvents, { timeoutMs: 30_000 });
    expect(keyed(before, orderKey)).toEqual([]);

    expect((await pipeline.post(route, sale(refno, '49.00', '20260301090000'))).status).toBe(200);

    const events = await eventsOf(orderKey, 2);
    expect(eventRows(events)).toEqual([
      { sequence: 1, type: 'OrderPaid', currency: 'USD', amount: 4900 },
      // 4900 − 1550 = 3350 remaining
      {
        sequence: 2,
        type: 'RefundApplied',
        currency: 'USD',
        amount: 1550,
        refundedTotal: 1550,
        remaining: 3350,
        kind: 'partial',
      },
    ]);
  });
});
