import { textTable } from '@clawback/text-table';
import type { Case } from '../client/wire';
import { money } from './money';

/** `clawback case <id>`: the case's fields, then its resolutions as a table. */
export function caseDetail(c: Case): string {
  const { amount, applied, excess, currency } = c.amounts;
  const fields: [string, string][] = [
    ['case', c.caseId],
    ['status', c.status],
    ['kind', c.kind],
    ['reason', c.reasonCode],
    ['detail', c.detail],
    ['order', c.orderKey],
    ['merchant', c.merchantId],
    ['provider', c.provider],
    ['subject', c.subjectId],
    ['amount', money(amount, currency)],
    ['applied', money(applied, currency)],
    ['excess', money(excess, currency)],
    ['first seen', c.firstSeen],
    ['last seen', c.lastSeen],
  ];
  if (c.allowedResolutions !== undefined) {
    fields.push(['may resolve', c.allowedResolutions.join(', ') || '(nothing)']);
  }
  const width = Math.max(...fields.map(([name]) => name.length));
  const head = fields
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name.padEnd(width)}  ${value}`.trimEnd())
    .join('\n');
  if (c.resolutions.length === 0) return `${head}\n\nno resolutions yet\n`;
  const resolutions = textTable(
    [
      { header: 'command', align: 'left' },
      { header: 'resolution', align: 'left' },
      { header: 'by', align: 'left' },
      { header: 'order', align: 'left' },
      { header: 'outcome', align: 'left' },
      { header: 'reason', align: 'left' },
    ],
    c.resolutions.map((r) => [
      r.commandId,
      r.resolution,
      r.operatorId,
      r.orderKey,
      outcomeOf(r),
      r.reason,
    ]),
    { headerRule: true },
  );
  return `${head}\n\n${resolutions}\n`;
}

/** A resolution's outcome in a few words. */
export function outcomeOf(r: Case['resolutions'][number]): string {
  if (r.refusal !== null) return `refused: ${r.refusal}`;
  if (r.eventIds.length > 0) return `events ${r.eventIds.join(', ')}`;
  return r.resolution === 'dismiss' || r.resolution === 'redrive' ? 'recorded' : 'pending';
}
