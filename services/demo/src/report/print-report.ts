import type { Outcomes } from '../observe/wait-for-outcomes';
import type { DemoOrder } from '../story/story-step';
import { balanceTable } from './balance-table';
import { cancellationTable } from './cancellation-table';
import { timelineTables } from './timeline-table';

const heading = (title: string) => `\n=== ${title} ===\n`;

/** The demo's reports, as one block of text; `operatorSession` is the CLI session shown. */
export function demoReport(
  orders: readonly DemoOrder[],
  outcomes: Outcomes,
  operatorSession: string,
): string {
  return [
    heading('An exception and its resolution (the clawback CLI against the admin API)'),
    operatorSession,
    heading('Order timelines (orders.lifecycle.events)'),
    timelineTables(orders, outcomes.events),
    heading(
      'Affiliate balances (commission-reversals read API: GET /v1/affiliates/{merchantId}/{affiliateId})',
    ),
    balanceTable(outcomes.ledgers),
    heading(
      'Subscription cancellations (subscriptions.cancellations, checked at the webhook receiver)',
    ),
    cancellationTable(outcomes.cancellations, outcomes.received),
    '',
  ].join('\n');
}
