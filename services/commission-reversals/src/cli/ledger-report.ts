import { formatMinorUnits, isCurrencyCode } from '@clawback/money';
import type { AffiliateLedgerPage } from '../ledger/read-ledger';
import { textTable } from '@clawback/text-table';

const money = (minor: number, currency: string): string =>
  isCurrencyCode(currency) ? formatMinorUnits(minor, currency) : String(minor);

/**
 * The ledger page as the CLI prints it: balances per currency, then the entries (oldest
 * first) with their running balance, then how to get the next page.
 */
export function ledgerReport(page: AffiliateLedgerPage): string {
  const balances = textTable(
    [
      { header: 'currency', align: 'left' },
      { header: 'balance', align: 'right' },
      { header: 'earned', align: 'right' },
      { header: 'reversed', align: 'right' },
      { header: 'reinstated', align: 'right' },
    ],
    page.balances.map((b) => [
      b.currency,
      money(b.balance, b.currency),
      money(b.earned, b.currency),
      money(b.reversed, b.currency),
      money(b.reinstated, b.currency),
    ]),
  );
  const entries = textTable(
    [
      { header: '#', align: 'right' },
      { header: 'occurred at', align: 'left' },
      { header: 'type', align: 'left' },
      { header: 'reason', align: 'left' },
      { header: 'order', align: 'left' },
      { header: 'currency', align: 'left' },
      { header: 'amount', align: 'right' },
      { header: 'balance', align: 'right' },
    ],
    page.entries.map((e) => [
      String(e.index),
      e.occurredAt,
      e.type,
      e.reason,
      e.orderKey,
      e.currency,
      money(e.amount, e.currency),
      money(e.balanceAfter, e.currency),
    ]),
  );
  const first = page.entries[0]?.index ?? 0;
  const shown = `entries ${first}–${first + page.entries.length - 1} of ${page.totalEntries}`;
  return [
    `affiliate ${page.merchantId}:${page.affiliateId}`,
    '',
    balances,
    '',
    entries,
    '',
    page.nextCursor === null ? shown : `${shown}; next page: --cursor ${page.nextCursor}`,
    '',
  ].join('\n');
}
