import type { Redis } from '@clawback/redis';
import type { LedgerEntry } from '../ledger/ledger-entry';
import { readLedger, type CurrencyBalance } from '../ledger/read-ledger';

/** One affiliate's whole ledger. */
export interface LedgerContents {
  readonly balances: readonly CurrencyBalance[];
  readonly entries: readonly LedgerEntry[];
}

/** Reads every page of an affiliate's ledger (empty when it has none). */
export async function ledgerContents(
  redis: Redis,
  merchantId: string,
  affiliateId: string,
): Promise<LedgerContents> {
  const entries: LedgerEntry[] = [];
  let balances: readonly CurrencyBalance[] = [];
  for (let cursor: number | null = 0; cursor !== null;) {
    const page = await readLedger(redis, merchantId, affiliateId, { cursor, limit: 500 });
    if (page === undefined) break;
    balances = page.balances;
    entries.push(...page.entries.map(({ index: _index, ...entry }) => entry));
    cursor = page.nextCursor === null ? null : Number(page.nextCursor);
  }
  return { balances, entries };
}
