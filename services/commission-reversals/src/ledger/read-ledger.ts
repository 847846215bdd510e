import { type Redis, toRedisError } from '@clawback/redis';
import { CommissionError } from '../commission-error';
import { affiliateLedgerKeys, GENERATION_KEY, manifestKey } from './ledger-keys';
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
 * Reads an affiliate's balances and one page of entries in one MULTI, together with what the
 * generation's manifest says the affiliate must have, so the page and the totals agree and a
 * lost key is never read as "no entries". `undefined` only when the intact ledger has no entry
 * for the affiliate.
 *
 * @throws CommissionError `ledger_rebuilding` (retriable) when the marker or the manifest is
 *   missing, or the affiliate's keys disagree with the manifest: the ledger is being (or is
 *   about to be) projected again from the topic.
 */
export async function readLedger(
  redis: Redis,
  merchantId: string,
  affiliateId: string,
  page: PageRequest,
): Promise<AffiliateLedgerPage | undefined> {
  let generation: string | null;
  let replies: [Error | null, unknown][] | null;
  try {
    generation = await redis.get(GENERATION_KEY);
    if (generation === null) throw rebuilding('the generation marker is missing');
    const keys = affiliateLedgerKeys(generation, merchantId, affiliateId);
    const manifest = manifestKey(generation);
    replies = await redis
      .multi()
      .exists(manifest)
      .hget(manifest, keys.manifestField)
      .hgetall(keys.totals)
      .hlen(keys.booked)
      .llen(keys.entries)
      .lrange(keys.entries, page.cursor, page.cursor + page.limit - 1)
      .exec();
  } catch (error) {
    if (error instanceof CommissionError) throw error;
    throw toRedisError(error, 'reading the ledger');
  }
  const [manifest, expected, totals, booked, count, entries] = (replies ?? []).map(
    ([error, reply]) => {
      if (error) throw toRedisError(error, 'reading the ledger');
      return reply;
    },
  ) as [number, string | null, Record<string, string>, number, number, string[]];
  if (manifest !== 1) throw rebuilding(`the manifest of generation ${generation} is missing`);
  const size = Number(expected ?? 0);
  if (count !== size || booked !== size || (size > 0 && Object.keys(totals).length === 0)) {
    throw rebuilding(`the ledger of ${merchantId}:${affiliateId} disagrees with its manifest`);
  }
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

const rebuilding = (why: string): CommissionError =>
  new CommissionError('ledger_rebuilding', `the ledger is being rebuilt: ${why}`);

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
