import type { CancellationEvent } from '@clawback/subscription-cancellations';
import type { ReceivedCancellations } from '../observe/http-readers';
import { type Column, textTable } from '@clawback/text-table';

const columns: readonly Column[] = [
  { header: 'subscription', align: 'left' },
  { header: 'order', align: 'left' },
  { header: 'cause', align: 'left' },
  { header: 'outcome', align: 'left' },
  { header: 'receiver', align: 'left' },
];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The cancellations made, from `subscriptions.cancellations` (the outcome of each requested
 * cancellation) checked against what the demo's receiver verified and booked, with a summary.
 */
export function cancellationTable(
  events: readonly CancellationEvent[],
  received: ReceivedCancellations,
): string {
  const booked = new Set(received.cancellations.map((body) => body.idempotencyKey));
  const outcomes = events.filter((event) => event.type !== 'SubscriptionCancellationRequested');
  const rows = outcomes.map((event) => [
    event.subscriptionRef,
    event.orderKey,
    event.cause,
    event.type === 'SubscriptionCancelled'
      ? `cancelled after ${plural(event.attempts, 'call')}`
      : event.type === 'SubscriptionCancellationFailed'
        ? `failed: ${event.lastError.code}`
        : '',
    booked.has(event.idempotencyKey) ? 'signature verified, booked once' : 'not received',
  ]);
  const requested = events.length - outcomes.length;
  const summary =
    `${plural(requested, 'cancellation')} requested, ${outcomes.filter((e) => e.type === 'SubscriptionCancelled').length} confirmed; ` +
    `receiver: ${plural(received.deliveries, 'verified delivery', 'verified deliveries')}, ` +
    `${plural(received.refused.length, 'refused signature')}`;
  return `${textTable(columns, rows, { headerRule: true })}\n${summary}`;
}
