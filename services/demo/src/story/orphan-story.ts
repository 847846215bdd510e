import { partitionOfKey } from '@clawback/kafka';
import { kartraOutboundJson } from '@clawback/providers/testing';
import { DEMO_MERCHANTS, DEMO_SECRETS } from '../merchants/demo-merchants';
import type { NotificationRoute } from './notification-route';
import { type DemoOrder, type StoryStep, orderKeyOf } from './story-step';

const route: NotificationRoute = {
  provider: 'kartra',
  merchantId: DEMO_MERCHANTS.lumen,
  query: `?token=${DEMO_SECRETS.DEMO_LUMEN_KARTRA_URL_TOKEN}`,
};
const AFFILIATE = 'ana-reviews';
const workshop = { productName: 'Workshop: Event Sourcing', productId: '9301' };

/** The exception of the story: the sale, and the refund an operator attaches to it. */
export interface OrphanException {
  /** The sale the refund belongs to (the operator's attach target). */
  readonly saleOrderKey: string;
  /** Where the refund landed, naming no parent: its own order. */
  readonly orphanOrderKey: string;
}

/** The first order ref from 5710 on whose key shares `orderKey`'s partition. */
function refOnPartitionOf(orderKey: string, partitions: number): string {
  const wanted = partitionOfKey(orderKey, partitions);
  for (let ref = 5710; ; ref++) {
    if (partitionOfKey(orderKeyOf(route, String(ref)), partitions) === wanted) return String(ref);
  }
}

/**
 * A Kartra outbound-API partial refund that names no parent order (docs/providers.md): it
 * lands on an order of its own and parks. A later sale on the same partition, dated past the
 * 7-day orphan horizon, moves that partition's provider-time watermark, so the refund is
 * reported overdue and becomes a case; `partitions` is the raw topic's partition count.
 */
export function orphanStory(partitions: number): {
  readonly steps: StoryStep[];
  readonly exception: OrphanException;
} {
  const sale: DemoOrder = {
    orderKey: orderKeyOf(route, '5701'),
    title: `Workshop: Event Sourcing, affiliate ${AFFILIATE} (its refund is attached by an operator)`,
  };
  const orphan: DemoOrder = {
    orderKey: orderKeyOf(route, '5702'),
    title: 'a partial refund that names no parent order (an overdue case)',
  };
  const clockRef = refOnPartitionOf(orphan.orderKey, partitions);
  const later: DemoOrder = {
    orderKey: orderKeyOf(route, clockRef),
    title: 'Workshop: Event Sourcing, a later buyer',
  };
  const steps: StoryStep[] = [
    {
      order: sale,
      happened: 'sale 120.00 USD (outbound API JSON)',
      route,
      body: kartraOutboundJson({
        action: 'buy_product',
        transactionId: '5701',
        amount: '120.00',
        date: '2026-03-01 10:00:00',
        affiliate: AFFILIATE,
        ...workshop,
      }),
      expected: 'OrderPaid, commission earned',
    },
    {
      order: orphan,
      happened: 'partial refund 30.00 USD, no parent order',
      route,
      body: kartraOutboundJson({
        action: 'partial_refund_product',
        transactionId: '5702',
        amount: '30.00',
        date: '2026-03-02 10:00:00',
        ...workshop,
      }),
      expected: 'parked on an order of its own',
    },
    {
      order: later,
      happened: 'sale 120.00 USD, 9 days later',
      route,
      body: kartraOutboundJson({
        action: 'buy_product',
        transactionId: clockRef,
        amount: '120.00',
        date: '2026-03-11 10:00:00',
        ...workshop,
      }),
      expected: 'OrderPaid; the parked refund is overdue: a case',
    },
  ];
  return { steps, exception: { saleOrderKey: sale.orderKey, orphanOrderKey: orphan.orderKey } };
}
