import type { TimelineEntry } from '../../timeline/timeline-entry';
import { paidRefundedChart, totalsOf } from './paid-refunded-chart';

const event = (
  offset: string,
  type: string,
  amount: number,
  occurredAt: string,
): TimelineEntry => ({
  topic: 'orders.lifecycle.events',
  partition: 0,
  offset,
  // Written in log order, a minute apart: the chart must not use this time.
  at: `2026-12-02T10:0${offset}:00.000Z`,
  summary: '',
  kind: 'event',
  type,
  eventId: `e-${offset}`,
  occurredAt,
  causationId: `n-${offset}`,
  sequence: Number(offset) + 1,
  currency: 'USD',
  amount,
  refundedTotal: null,
  remaining: null,
  reason: null,
  detail: null,
});

describe('paid vs refunded chart', () => {
  it('given a refund logged before a sale the provider dated earlier, when totals are drawn, then they follow provider time', () => {
    const entries = [
      event('0', 'RefundApplied', 3000, '2026-03-05T12:00:00.000Z'),
      event('1', 'OrderPaid', 10000, '2026-03-01T12:00:00.000Z'),
      event('2', 'NotificationRejected', 500, '2026-03-06T12:00:00.000Z'),
      event('3', 'ChargebackLost', 7000, '2026-03-07T12:00:00.000Z'),
    ];
    expect(totalsOf(entries)).toEqual({
      currency: 'USD',
      points: [
        { atMs: Date.parse('2026-03-01T12:00:00.000Z'), paid: 10000, refunded: 0 },
        { atMs: Date.parse('2026-03-05T12:00:00.000Z'), paid: 10000, refunded: 3000 },
        { atMs: Date.parse('2026-03-07T12:00:00.000Z'), paid: 10000, refunded: 10000 },
      ],
    });
  });

  it('says so when there is no money event to draw', () => {
    expect(String(paidRefundedChart([]))).toContain('No payments or refunds yet.');
  });
});
