import { type KartraIpnInput, kartraIpn, kartraOutboundJson } from '@clawback/providers/testing';
import { DEMO_MERCHANTS, DEMO_SECRETS } from '../merchants/demo-merchants';
import type { NotificationRoute } from './notification-route';
import { type DemoOrder, type StoryStep, orderKeyOf } from './story-step';

const ipnRoute: NotificationRoute = { provider: 'kartra', merchantId: DEMO_MERCHANTS.lumen };
/** Kartra's outbound API is unsigned: the merchant's URL token is its only proof of origin. */
const jsonRoute: NotificationRoute = {
  ...ipnRoute,
  query: `?token=${DEMO_SECRETS.DEMO_LUMEN_KARTRA_URL_TOKEN}`,
};
const ipn = (input: KartraIpnInput) =>
  kartraIpn(input, { secretKey: DEMO_SECRETS.DEMO_LUMEN_KARTRA_SECRET_KEY });
const AFFILIATE = 'ana-reviews';

/** A partial refund that reaches Clawback before the sale it refunds. */
function refundBeforeSale(): StoryStep[] {
  const order: DemoOrder = {
    orderKey: orderKeyOf(ipnRoute, '5501'),
    title: `Course: Kafka in Practice, subscription KSUB-5501, affiliate ${AFFILIATE}`,
  };
  const course = { productName: 'Course: Kafka in Practice', productId: '8812' };
  return [
    {
      order,
      happened: 'partial refund 20.00 USD, arriving before its sale',
      route: ipnRoute,
      body: ipn({
        transactionId: '5502',
        parentId: '5501',
        type: 'partial_refund',
        amount: '20.00',
        date: '2026-03-03 10:00:00',
        ...course,
      }),
      expected: 'parked until the sale arrives',
    },
    {
      order,
      happened: 'sale 197.00 USD (the late IPN)',
      route: ipnRoute,
      body: ipn({
        transactionId: '5501',
        amount: '197.00',
        date: '2026-03-02 09:15:00',
        affiliate: AFFILIATE,
        subscriptionId: 'KSUB-5501',
        ...course,
      }),
      expected: 'OrderPaid, then the parked RefundApplied',
    },
  ];
}

/** A sale seen through the outbound API, refunded in full through the IPN. */
function refundedInFull(): StoryStep[] {
  const order: DemoOrder = {
    orderKey: orderKeyOf(ipnRoute, '5601'),
    title: `Coaching membership, subscription KSUB-5601, affiliate ${AFFILIATE}`,
  };
  const membership = { productName: 'Coaching membership', productId: '9120' };
  return [
    {
      order,
      happened: 'sale 97.00 USD (outbound API JSON)',
      route: jsonRoute,
      body: kartraOutboundJson({
        action: 'buy_product',
        transactionId: '5601',
        amount: '97.00',
        date: '2026-03-02 11:00:00',
        affiliate: AFFILIATE,
        subscriptionId: 'KSUB-5601',
        ...membership,
      }),
      expected: 'OrderPaid, commission earned',
    },
    {
      order,
      happened: 'refund 97.00 USD',
      route: ipnRoute,
      body: ipn({
        transactionId: '5602',
        parentId: '5601',
        type: 'refund',
        amount: '97.00',
        date: '2026-03-04 16:20:00',
        subscriptionId: 'KSUB-5601',
        ...membership,
      }),
      expected: 'RefundApplied (full), subscription cancelled',
    },
  ];
}

/** Lumen Academy sells courses and memberships through Kartra (amounts in USD). */
export function lumenStory(): StoryStep[] {
  return [...refundBeforeSale(), ...refundedInFull()];
}
