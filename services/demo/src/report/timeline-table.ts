import type { LifecycleEvent } from '@clawback/order-machine';
import type { DemoOrder } from '../story/story-step';
import { amount, money } from './money';
import { type Column, textTable } from '@clawback/text-table';

const columns: readonly Column[] = [
  { header: 'seq', align: 'right' },
  { header: 'event', align: 'left' },
  { header: 'amount', align: 'right' },
  { header: 'refundedTotal', align: 'right' },
  { header: 'remaining', align: 'right' },
  { header: 'kind / reason', align: 'left' },
];

/** One row of an order's timeline: what the event says about the order's money. */
function timelineRow(event: LifecycleEvent): readonly string[] {
  const row = (value: number | null, refunded = '', remaining = '', note = '') => [
    String(event.sequence),
    event.type,
    value === null ? '' : money(value, event.currency),
    refunded,
    remaining,
    note,
  ];
  switch (event.type) {
    case 'RefundApplied':
      return row(
        event.amount,
        amount(event.refundedTotal, event.currency),
        amount(event.remaining, event.currency),
        event.kind,
      );
    case 'NotificationRejected':
    case 'PaymentDenied':
      return row(event.amount, '', '', event.reason ?? '');
    case 'ChargebackOpened':
      return row(event.amount, '', '', event.reasonCode ?? '');
    case 'SubscriptionEnded':
      return row(null, '', '', event.subscriptionRefs.join(', '));
    case 'NotificationOverdue':
      return row(event.amount, '', '', `overdue ${event.notificationKind}, still parked`);
    default:
      return row(event.amount);
  }
}

/**
 * Each order's timeline as the lifecycle wrote it on `orders.lifecycle.events`, headed by the
 * order key and what was sold. Orders appear in story order; events in sequence order.
 */
export function timelineTables(
  orders: readonly DemoOrder[],
  events: readonly LifecycleEvent[],
): string {
  return orders
    .map((order) => {
      const own = events
        .filter((event) => event.orderKey === order.orderKey)
        .sort((a, b) => a.sequence - b.sequence);
      const body =
        own.length === 0
          ? '  (no events)'
          : textTable(columns, own.map(timelineRow), { headerRule: true });
      return `${order.orderKey}  —  ${order.title}\n${body}`;
    })
    .join('\n\n');
}
