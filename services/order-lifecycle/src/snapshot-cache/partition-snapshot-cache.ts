import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LifecycleError } from '../lifecycle-error';
import type { PartitionCacheKeys } from './cache-keys';
import { writeSnapshotsScript } from './cache-scripts';

/** The lineage token and the caught-up offset, read together. */
export interface CacheHead {
  readonly lineage: string | null;
  readonly caughtUpTo: string | null;
}

/** One order's snapshot as the cache should hold it. */
export interface SnapshotWrite {
  readonly orderKey: string;
  /** The snapshot's offset in the state topic: newer offsets win. */
  readonly stateOffset: string;
  /** The state-topic value bytes; `null` for a tombstone. */
  readonly value: Buffer | null;
  /** Provider time (epoch ms) of the oldest parked notification, `null` when none. */
  readonly parkedSince: number | null;
}

/** The cache moved under the reader (wiped, restarted with lost writes, or another writer). */
export const regressed: unique symbol = Symbol('regressed');

/**
 * The Redis cache of one state-topic partition. It is only a cache: every read and write
 * carries the lineage token the caller last saw, so a cache that is not exactly what the caller
 * left is detected (`regressed`) instead of trusted.
 */
export interface PartitionSnapshotCache {
  head(): Promise<CacheHead>;
  /**
   * Snapshot bytes of `orderKeys` (absent: no snapshot) when the lineage is still `lineage`.
   * A missing order means a new order only because the lineage proves the cache complete.
   */
  read(
    lineage: string,
    orderKeys: readonly string[],
  ): Promise<ReadonlyMap<string, Buffer> | typeof regressed>;
  /** Orders with parked notifications and their oldest parked time, under `lineage`. */
  parked(lineage: string): Promise<ReadonlyMap<string, number> | typeof regressed>;
  /**
   * Writes snapshots (newer state offset wins) and optionally raises the caught-up offset, if
   * the lineage is still `expected`; returns the new lineage.
   */
  write(
    expected: string | null,
    writes: readonly SnapshotWrite[],
    caughtUpTo?: string,
  ): Promise<string | typeof regressed>;
}

const versionWidth = 20;

/** The cache of one partition over `redis`. */
export function partitionSnapshotCache(
  redis: Redis,
  keys: PartitionCacheKeys,
): PartitionSnapshotCache {
  return {
    head: () =>
      guarded('read the cache head', async () => {
        const [lineage, caughtUpTo] = await redis.mget(keys.lineage, keys.caughtUpTo);
        return { lineage: lineage ?? null, caughtUpTo: caughtUpTo ?? null };
      }),

    read: (lineage, orderKeys) =>
      guarded('read snapshots', async () => {
        const [current, ...values] = await redis.mgetBuffer(
          keys.lineage,
          ...orderKeys.map((orderKey) => keys.order(orderKey)),
        );
        if (current?.toString() !== lineage) return regressed;
        const snapshots = new Map<string, Buffer>();
        orderKeys.forEach((orderKey, index) => {
          const value = values[index];
          if (value) snapshots.set(orderKey, value.subarray(versionWidth));
        });
        return snapshots;
      }),

    parked: (lineage) =>
      guarded('read parked orders', async () => {
        const results = await redis
          .multi()
          .get(keys.lineage)
          .zrange(keys.parked, 0, -1, 'WITHSCORES')
          .exec();
        const [lineageResult, parkedResult] = results ?? [];
        const failure = lineageResult?.[0] ?? parkedResult?.[0];
        if (failure) throw failure;
        if (lineageResult?.[1] !== lineage) return regressed;
        const flat = parkedResult?.[1] as string[];
        const parked = new Map<string, number>();
        for (let i = 0; i < flat.length; i += 2) parked.set(flat[i]!, Number(flat[i + 1]));
        return parked;
      }),

    write: (expected, writes, caughtUpTo) =>
      guarded('write snapshots', async () => {
        const next = randomUUID();
        const args: (string | Buffer)[] = [expected ?? '', next, caughtUpTo ?? ''];
        for (const write of writes) {
          args.push(
            write.value === null
              ? ''
              : Buffer.concat([Buffer.from(versioned(write.stateOffset)), write.value]),
            write.parkedSince === null ? '' : String(write.parkedSince),
            write.orderKey,
          );
        }
        const orderKeys = writes.map((write) => keys.order(write.orderKey));
        const result = await redis.eval(
          writeSnapshotsScript,
          3 + orderKeys.length,
          keys.lineage,
          keys.caughtUpTo,
          keys.parked,
          ...orderKeys,
          ...args,
        );
        return result === -1 ? regressed : next;
      }),
  };
}

function versioned(stateOffset: string): string {
  return stateOffset.padStart(versionWidth, '0');
}

async function guarded<T>(what: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new LifecycleError('cache_unavailable', `could not ${what}: ${reason}`, { cause });
  }
}
