import { type Redis, toRedisError } from '@clawback/redis';
import { affiliateLedgerKeys, GENERATION_KEY } from './ledger-keys';
import type { LedgerEntry } from './ledger-entry';

/** An affiliate's totals in one currency (minor units). */
export interface CurrencyBalance {
  readonly currency: string;
  /** earned − reversed + reinstated: what the affiliate is owed before payouts. */
  readonly balance: number;
  readonly earned: number;
  readonly reversed: number;
  readonly reinstated: number;
}

/** One page of an affiliate's ledger. */
export interface AffiliateLedgerPage {
  readonly merchantId: string;
  readonly affiliateId: string;
  /** Per currency, sorted by code. */
  readonly balances: readonly CurrencyBalance[];
  /** Entries from `cursor` on, oldest first; `index` is the entry's position in the ledger. */
  readonly entries: readonly (LedgerEntry & { readonly index: number })[];
  readonly totalEntries: number;
  /** Pass as `cursor` for the next page; `null` on the last page. */
  readonly nextCursor: string | null;
}

/** Which page to read. */
export interface PageRequest {
  /** Index of the first entry (0-based); entries are append-only, so a cursor stays valid. */
  readonly cursor: number;
  readonly limit: number;
}

/**
 * Reads an affiliate's balances and one page of entries in one MULTI (one slot), so the page
 * and the totals agree. `undefined` when the ledger has no entry for the affiliate.
 */
export async function readLedger(
  redis: Redis,
  merchantId: string,
  affiliateId: string,
  page: PageRequest,
): Promise<AffiliateLedgerPage | undefined> {
  let replies: [Error | null, unknown][] | null;
  try {
    const generation = await redis.get(GENERATION_KEY);
    if (generation === null) return undefined;
    const keys = affiliateLedgerKeys(generation, merchantId, affiliateId);
    replies = await redis
      .multi()
      .hgetall(keys.totals)
      .llen(keys.entries)
      .lrange(keys.entries, page.cursor, page.cursor + page.limit - 1)
      .exec();
  } catch (error) {
    throw toRedisError(error, 'reading the ledger');
  }
  const [totals, count, entries] = (replies ?? []).map(([error, reply]) => {
    if (error) throw toRedisError(error, 'reading the ledger');
    return reply;
  }) as [Record<string, string>, number, string[]];
  if (count === 0) return undefined;
  const last = page.cursor + entries.length;
  return {
    merchantId,
    affiliateId,
    balances: balancesOf(totals),
    entries: entries.map((json, offset) => ({
      index: page.cursor + offset,
      ...(JSON.parse(json) as LedgerEntry),
    })),
    totalEntries: count,
    nextCursor: last < count ? String(last) : null,
  };
}

function balancesOf(totals: Readonly<Record<string, string>>): readonly CurrencyBalance[] {
  const currencies = new Set(Object.keys(totals).map((field) => field.split(':')[1] ?? ''));
  const read = (field: string, currency: string): number =>
    Number(totals[`${field}:${currency}`] ?? 0);
  return [...currencies]
    .filter((currency) => currency !== '')
    .sort()
    .map((currency) => ({
      currency,
      balance: read('balance', currency),
      earned: read('earned', currency),
      reversed: read('reversed', currency),
      reinstated: read('reinstated', currency),
    }));
}
