/**
 * Redis keys of the affiliate ledger. Everything lives under a generation `G` named by the
 * marker key: a wiped Redis has no marker, so a new generation starts and the ledger is
 * projected again from the beginning into fresh keys, never mixed with a half-written old one.
 * One affiliate's keys share a hash tag, so its booking script runs on one Redis Cluster slot.
 */
export const GENERATION_KEY = 'commissions:ledger:generation';

/** The keys of one affiliate's ledger in generation `generation`. */
export interface AffiliateLedgerKeys {
  /** LIST of JSON entries, oldest first (append-only). */
  readonly entries: string;
  /** HASH of `balance:<currency>`, `earned:<currency>`, `reversed:<currency>`, `reinstated:<currency>`. */
  readonly totals: string;
  /** HASH of adjustmentId → entry index: what was booked already. */
  readonly booked: string;
}

/** The keys of the affiliate `{merchantId}:{affiliateId}`, ids URI-encoded inside the tag. */
export function affiliateLedgerKeys(
  generation: string,
  merchantId: string,
  affiliateId: string,
): AffiliateLedgerKeys {
  const tag = `{${encodeURIComponent(merchantId)}:${encodeURIComponent(affiliateId)}}`;
  const base = `commissions:ledger:${generation}:${tag}`;
  return { entries: `${base}:entries`, totals: `${base}:totals`, booked: `${base}:booked` };
}

/** STRING: the next offset of `topic`/`partition` to book; absent before the first booking. */
export function positionKey(generation: string, topic: string, partition: number): string {
  return `commissions:ledger:${generation}:position:${topic}:${partition}`;
}
