import type { LifecycleEvent } from '@clawback/order-machine';
import { timelineTables } from './timeline-table';

const base = {
  orderKey: '2checkout:shop:1',
  provider: '2checkout',
  merchantId: 'shop',
  orderRef: '1',
  occurredAt: '2026-03-02T09:15:00.000Z',
  currency: 'USD',
} as const;

const events: LifecycleEvent[] = [
  {
    ...base,
    eventId: 'n2#0',
    causationId: 'n2',
    type: 'RefundApplied',
    sequence: 2,
    amount: 3000,
    refundedTotal: 3000,
    remaining: 9000,
    paid: 12000,
    kind: 'partial',
    lines: [],
    affiliate: null,
    subscriptionRefs: [],
    warnings: [],
  },
  {
    ...base,
    eventId: 'n1#0',
    causationId: 'n1',
    type: 'OrderPaid',
    sequence: 1,
    amount: 12000,
    lines: [],
    affiliate: null,
    subscriptionRefs: [],
  },
  {
    ...base,
    eventId: 'n3#0',
    causationId: 'n3',
    type: 'NotificationRejected',
    sequence: 3,
    amount: 10000,
    reason: 'over_refund',
    detail: 'refund of 10000 exceeds the remaining 9000',
    notificationKind: 'refund',
  },
  {
    ...base,
    orderKey: '2checkout:shop:2',
    eventId: 'x#0',
    causationId: 'x',
    type: 'OrderPaid',
    sequence: 1,
    amount: 1,
    lines: [],
    affiliate: null,
    subscriptionRefs: [],
  },
];

describe('timelineTables', () => {
  it("prints one table per order, in sequence order, with money in the order's currency", () => {
    expect(timelineTables([{ orderKey: '2checkout:shop:1', title: 'Pro plan' }], events)).toBe(
      [
        '2checkout:shop:1  —  Pro plan',
        'seq  event                     amount  refundedTotal  remaining  kind / reason',
        '---  --------------------  ----------  -------------  ---------  -------------',
        '  1  OrderPaid             120.00 USD',
        '  2  RefundApplied          30.00 USD          30.00      90.00  partial',
        '  3  NotificationRejected  100.00 USD                            over_refund',
      ].join('\n'),
    );
  });

  it('says so when an order has no events', () => {
    expect(timelineTables([{ orderKey: 'kartra:shop:9', title: 'Course' }], events)).toBe(
      'kartra:shop:9  —  Course\n  (no events)',
    );
  });
});
