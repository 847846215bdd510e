/**
 * Redis keys of one state-topic partition's snapshot cache. All share the hash tag
 * `{<stateTopic>:<partition>}`, so on Redis Cluster they live in one slot and the scripts that
 * touch several of them stay atomic.
 */
export interface PartitionCacheKeys {
  /**
   * Changes with every write: a random token chained from write to write. A reader that finds
   * the token it wrote last knows Redis holds everything it wrote, in full.
   */
  readonly lineage: string;
  /** The state-topic offset below which every snapshot is in the cache. */
  readonly caughtUpTo: string;
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
    lineage: `${base}:lineage`,
    caughtUpTo: `${base}:caught-up-to`,
    parked: `${base}:parked`,
    order: (orderKey) => `${base}:order:${orderKey}`,
  };
}
