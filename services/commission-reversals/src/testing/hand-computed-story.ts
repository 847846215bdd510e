import type { LifecycleEvent } from '@clawback/order-machine';
import { OrderStory } from './lifecycle-events';

/** The merchant of the story: 30 % by default, 50 % on the product `course-pro`. */
export const STORY_MERCHANTS = {
  shop: {
    click2sell: { secretKey: 'story-secret' },
    commission: { defaultRate: '0.30', productRates: { 'course-pro': '0.50' } },
  },
};

/**
 * Six orders of the merchant `shop`, computed by hand (amounts in minor units):
 *
 * A (aff-1, EUR) paid 10000: lines course-basic 6000 × 0.30 = 1800 and course-pro 4000 × 0.50
 *   = 2000, earned 3800. Refunds of 3333, 3333, 3334 (cumulative 3333, 6666, 10000):
 *   round(3800 × 3333 / 10000) = round(1266.54) = 1267 → −1267;
 *   round(3800 × 6666 / 10000) = round(2533.08) = 2533 → −1266; full → 3800 → −1267. Net 0.
 * B (aff-1, EUR) paid 5000, provider commission 1234 (wins over the rate): earned 1234.
 *   Refund 1000: round(1234 × 1000 / 5000) = round(246.8) = 247 → −247.
 *   Chargeback opened: outstanding 1234 − 247 = 987 held → −987. Won: +987.
 *   Refund 500 (cumulative 1500): round(1234 × 1500 / 5000) = round(370.2) = 370 → −123.
 *   Net 864.
 * C (aff-2, USD) paid 1999: round(1999 × 0.30) = round(599.7) = 600. Chargeback opened → −600
 *   held; chargeback lost → no new adjustment (the hold stays reversed). Net 0.
 * D (aff-1, EUR) paid 2000: 600. Chargeback lost without an opening → −600. Net 0.
 * E (no affiliate) paid 3000, refund 3000: nothing.
 * F (aff-2, USD) paid 1000: 300. Refund 250: round(300 × 250 / 1000) = 75 → −75. Net 225.
 *
 * Balances: aff-1 EUR earned 3800 + 1234 + 600 = 5634, reversed 1267 + 1266 + 1267 + 247 + 987
 * + 123 + 600 = 5757, reinstated 987, balance 864. aff-2 USD earned 900, reversed 675,
 * balance 225.
 */
export function handComputedStory() {
  const a = new OrderStory({ merchantId: 'shop', orderRef: 'A' });
  const b = new OrderStory({ merchantId: 'shop', orderRef: 'B', commission: 1234 });
  const c = new OrderStory({
    merchantId: 'shop',
    orderRef: 'C',
    provider: 'kartra',
    currency: 'USD',
    affiliateId: 'aff-2',
  });
  const d = new OrderStory({ merchantId: 'shop', orderRef: 'D', provider: 'click2sell' });
  const e = new OrderStory({ merchantId: 'shop', orderRef: 'E', affiliateId: null });
  const f = new OrderStory({
    merchantId: 'shop',
    orderRef: 'F',
    currency: 'USD',
    affiliateId: 'aff-2',
  });
  const course = (lineId: string, amount: number) => ({
    lineId,
    name: lineId,
    quantity: 1,
    amount,
  });
  // Interleaved as they might arrive; each order's own events stay in order.
  const events: LifecycleEvent[] = [
    a.paidWith(10000, [course('course-basic', 6000), course('course-pro', 4000)]),
    b.paidWith(5000),
    c.paidWith(1999),
    a.refund(3333),
    d.paidWith(2000),
    b.refund(1000),
    e.paidWith(3000),
    c.chargebackOpened(),
    b.chargebackOpened(),
    a.refund(3333),
    f.paidWith(1000),
    d.chargebackLost(),
    b.chargebackWon(),
    c.chargebackLost(),
    e.refund(3000),
    a.refund(3334),
    b.refund(500),
    f.refund(250),
  ];
  const expected: Readonly<Record<string, readonly string[]>> = {
    [a.orderKey]: [
      'CommissionEarned order_paid 3800',
      'CommissionReversed refund_partial -1267',
      'CommissionReversed refund_partial -1266',
      'CommissionReversed refund_full -1267',
    ],
    [b.orderKey]: [
      'CommissionEarned order_paid 1234',
      'CommissionReversed refund_partial -247',
      'CommissionReversed chargeback_opened -987',
      'CommissionReinstated chargeback_won 987',
      'CommissionReversed refund_partial -123',
    ],
    [c.orderKey]: ['CommissionEarned order_paid 600', 'CommissionReversed chargeback_opened -600'],
    [d.orderKey]: ['CommissionEarned order_paid 600', 'CommissionReversed chargeback_lost -600'],
    [f.orderKey]: ['CommissionEarned order_paid 300', 'CommissionReversed refund_partial -75'],
  };
  return { events, expected, orders: { a, b, c, d, e, f } };
}
