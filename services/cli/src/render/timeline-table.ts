import { textTable } from '@clawback/text-table';
import type { OrderTimeline, TimelineEntry } from '../client/wire';
import { money } from './money';

/** What happened, in one word or two: the event type, or a notification's outcome. */
function whatOf(entry: TimelineEntry): string {
  if (entry.kind === 'notification') {
    const outcome = entry.outcome ?? '';
    return entry.outcome === 'rejected' && entry.reason ? `${outcome} (${entry.reason})` : outcome;
  }
  if (entry.kind === 'dead_letter') return entry.errorCode ?? '';
  return entry.type ?? '';
}

/** `clawback order <key>`: the order's timeline, one row per record, in the API's order. */
export function timelineTable(timeline: OrderTimeline): string {
  const table = textTable(
    [
      { header: 'at', align: 'left' },
      { header: 'kind', align: 'left' },
      { header: 'what', align: 'left' },
      { header: 'amount', align: 'right' },
      { header: 'scheme', align: 'left' },
      { header: 'p:offset', align: 'right' },
      { header: 'summary', align: 'left' },
    ],
    timeline.entries.map((entry) => [
      entry.at,
      entry.kind,
      whatOf(entry),
      money(entry.amount, entry.currency),
      entry.signatureScheme ?? '',
      `${entry.partition}:${entry.offset}`,
      entry.summary,
    ]),
    { headerRule: true },
  );
  return `order ${timeline.orderKey} (${timeline.entries.length} records)\n\n${table}\n`;
}
