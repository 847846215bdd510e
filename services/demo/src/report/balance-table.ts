import type { AffiliateLedger } from '../observe/http-readers';
import { amount } from './money';
import { type Column, textTable } from '@clawback/text-table';

const columns: readonly Column[] = [
  { header: 'merchant', align: 'left' },
  { header: 'affiliate', align: 'left' },
  { header: 'currency', align: 'left' },
  { header: 'earned', align: 'right' },
  { header: 'reversed', align: 'right' },
  { header: 'reinstated', align: 'right' },
  { header: 'balance', align: 'right' },
  { header: 'entries', align: 'right' },
];

/**
 * Affiliate balances as commission-reversals' read API reports them, one row per affiliate and
 * currency (balance = earned − reversed + reinstated; it may go negative after a payout).
 */
export function balanceTable(ledgers: readonly AffiliateLedger[]): string {
  const rows = ledgers.flatMap((ledger) =>
    ledger.balances.map((b) => [
      ledger.merchantId,
      ledger.affiliateId,
      b.currency,
      amount(b.earned, b.currency),
      amount(b.reversed, b.currency),
      amount(b.reinstated, b.currency),
      amount(b.balance, b.currency),
      String(ledger.totalEntries),
    ]),
  );
  return textTable(columns, rows, { headerRule: true });
}
