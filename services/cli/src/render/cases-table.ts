import { textTable } from '@clawback/text-table';
import type { Case } from '../client/wire';
import { money } from './money';

/** `clawback cases`: one row per case, oldest first as the API lists them. */
export function casesTable(cases: readonly Case[]): string {
  if (cases.length === 0) return 'no cases\n';
  const table = textTable(
    [
      { header: 'case', align: 'left' },
      { header: 'status', align: 'left' },
      { header: 'kind', align: 'left' },
      { header: 'reason', align: 'left' },
      { header: 'order', align: 'left' },
      { header: 'amount', align: 'right' },
      { header: 'applied', align: 'right' },
      { header: 'first seen', align: 'left' },
    ],
    cases.map((c) => [
      c.caseId,
      c.status,
      c.kind,
      c.reasonCode,
      c.orderKey,
      money(c.amounts.amount, c.amounts.currency),
      c.amounts.applied === 0 ? '' : money(c.amounts.applied, c.amounts.currency),
      c.firstSeen,
    ]),
    { headerRule: true },
  );
  return `${table}\n${cases.length} case${cases.length === 1 ? '' : 's'}\n`;
}
