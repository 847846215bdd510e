import { type Click2SellInput, click2sellNotification } from '@clawback/providers/testing';
import { DEMO_MERCHANTS, DEMO_SECRETS } from '../merchants/demo-merchants';
import type { NotificationRoute } from './notification-route';
import { type StoryStep, orderKeyOf } from './story-step';

const route: NotificationRoute = {
  provider: 'click2sell',
  merchantId: DEMO_MERCHANTS.pagebound,
  query: `?token=${DEMO_SECRETS.DEMO_PAGEBOUND_CLICK2SELL_URL_TOKEN}`,
};
const AFFILIATE = 'bookworm-blog';

function book(c2sTransactionId: string, productName: string, price: string) {
  const order = {
    orderKey: orderKeyOf(route, c2sTransactionId),
    title: `${productName}, affiliate ${AFFILIATE}`,
  };
  const notification = (input: Partial<Click2SellInput>) =>
    click2sellNotification(
      { c2sTransactionId, productName, price, affiliateUsername: AFFILIATE, ...input },
      { secretKey: DEMO_SECRETS.DEMO_PAGEBOUND_CLICK2SELL_SECRET_KEY },
    );
  return { order, notification };
}

/** Pagebound Books sells e-books through Click2Sell, in euros; no subscriptions. */
export function pageboundStory(): StoryStep[] {
  const refunded = book('C2S-7001', 'E-book: Event Sourcing', '29.99 EUR');
  const kept = book('C2S-7002', 'E-book: Kafka Streams', '24.00 EUR');
  return [
    {
      order: refunded.order,
      happened: 'sale 29.99 EUR',
      route,
      body: refunded.notification({ purchaseDate: '2026-03-02', purchaseTime: '12:00:00' }),
      expected: 'OrderPaid, commission earned',
    },
    {
      order: kept.order,
      happened: 'sale 24.00 EUR',
      route,
      body: kept.notification({ purchaseDate: '2026-03-02', purchaseTime: '13:30:00' }),
      expected: 'OrderPaid, commission earned',
    },
    {
      order: refunded.order,
      happened: 'refund 29.99 EUR',
      route,
      body: refunded.notification({
        transactionType: 'Refund',
        purchaseDate: '2026-03-05',
        purchaseTime: '08:30:00',
      }),
      expected: 'RefundApplied (full), commission reversed',
    },
  ];
}
