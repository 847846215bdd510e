/**
 * Redis keys of the affiliate ledger. Everything lives under a generation `G` named by the
 * marker key. Redis loses whole keys (eviction, a failover that drops recent writes, someone's
 * `SCAN` + `DEL`), never single fields of a hash, so the generation's manifest hash records
 * every data key's expected size next to the partitions' positions, updated in the same script
 * as the data: a data key that is missing or of another size than the manifest says, or a
 * missing manifest, proves a loss and the generation is abandoned and projected again from the
 * topic (ADR 0010). A missing key never reads as "nothing booked".
 */
export const GENERATION_KEY = 'commissions:ledger:generation';

/** What every key of generation `generation` starts with (the marker excepted). */
export function generationPrefix(generation: string): string {
  return `commissions:ledger:${generation}:`;
}

/** HASH of the generation: `created`, `affiliate:<tag>` → entries booked, `position:<topic>:<p>`. */
export function manifestKey(generation: string): string {
  return `${generationPrefix(generation)}manifest`;
}

/** The keys of one affiliate's ledger in generation `generation`. */
export interface AffiliateLedgerKeys {
  /** LIST of JSON entries, oldest first (append-only). */
  readonly entries: string;
  /** HASH of `balance:<currency>`, `earned:<currency>`, `reversed:<currency>`, `reinstated:<currency>`. */
  readonly totals: string;
  /** HASH of adjustmentId → entry index: what was booked already. */
  readonly booked: string;
  /** The affiliate's field in the manifest: how many entries it must have. */
  readonly manifestField: string;
}

/** The hash tag of the affiliate `{merchantId}:{affiliateId}`, ids URI-encoded inside it. */
function affiliateTag(merchantId: string, affiliateId: string): string {
  return `{${encodeURIComponent(merchantId)}:${encodeURIComponent(affiliateId)}}`;
}

/** Prefix of the affiliates' fields in the manifest. */
export const AFFILIATE_FIELD_PREFIX = 'affiliate:';

/** The keys of the affiliate with hash tag `tag` (see {@link affiliateTag}). */
export function affiliateKeysOfTag(generation: string, tag: string): AffiliateLedgerKeys {
  const base = `${generationPrefix(generation)}${tag}`;
  return {
    entries: `${base}:entries`,
    totals: `${base}:totals`,
    booked: `${base}:booked`,
    manifestField: `${AFFILIATE_FIELD_PREFIX}${tag}`,
  };
}

/** The keys of the affiliate `{merchantId}:{affiliateId}` in generation `generation`. */
export function affiliateLedgerKeys(
  generation: string,
  merchantId: string,
  affiliateId: string,
): AffiliateLedgerKeys {
  return affiliateKeysOfTag(generation, affiliateTag(merchantId, affiliateId));
}

/** The manifest field holding the next offset of `topic`/`partition` to book. */
export function positionField(topic: string, partition: number): string {
  return `position:${topic}:${partition}`;
}
