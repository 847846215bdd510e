/**
 * Redis keys of one state-topic partition's snapshot cache. All share the hash tag
 * `{<stateTopic>:<partition>}`, so on Redis Cluster they live in one slot and the scripts that
 * touch several of them stay atomic.
 *
 * Redis loses whole keys (eviction, `DEL`, a partial restore), never single fields of a hash,
 * so the one `manifest` hash lists what every other key must hold (ADR 0009): a key missing or
 * holding something else than the manifest says is detected, never read as "no snapshot".
 */
export interface PartitionCacheKeys {
  /**
   * Hash: `lineage` (a random token chained from write to write), `caughtUpTo` (the
   * state-topic offset below which every snapshot is in the cache), `parkedCount` (members of
   * `parked`) and `o:<orderKey>` (the state-topic offset of the order's cached snapshot).
   */
  readonly manifest: string;
  /** Sorted set: orders with parked notifications, scored by the oldest one's provider time. */
  readonly parked: string;
  /** The snapshot of one order. */
  readonly order: (orderKey: string) => string;
}

/**
 * The keys for `stateTopic`'s `partition`. The deployment's prefix (`REDIS_KEY_PREFIX`) is
 * added by the client (`@clawback/redis`), so it is not part of these names.
 */
export function partitionCacheKeys(stateTopic: string, partition: number): PartitionCacheKeys {
  const base = `lifecycle:{${stateTopic}:${partition}}`;
  return {
    manifest: `${base}:manifest`,
    parked: `${base}:parked`,
    order: (orderKey) => `${base}:order:${orderKey}`,
  };
}
