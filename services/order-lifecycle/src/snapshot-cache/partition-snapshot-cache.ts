import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LifecycleError } from '../lifecycle-error';
import type { PartitionCacheKeys } from './cache-keys';
import { readParkedScript, readSnapshotsScript, writeSnapshotsScript } from './cache-scripts';

/** The manifest's lineage token and caught-up offset, read together. */
interface CacheHead {
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

/**
 * The cache moved under the reader (wiped, restarted with lost writes, another writer) or lost
 * a key its manifest lists: it must be caught up from the state topic before it is trusted.
 */
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
   * An order is absent (new) only when the manifest does not list it; a listed order whose key
   * is gone or holds another offset makes the read `regressed` and marks the cache incomplete.
   */
  read(
    lineage: string,
    orderKeys: readonly string[],
  ): Promise<ReadonlyMap<string, Buffer> | typeof regressed>;
  /**
   * Orders with parked notifications and their oldest parked time, under `lineage`;
   * `regressed` also when the parked set's size differs from the manifest's count.
   */
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
        const [lineage, caughtUpTo] = await redis.hmget(keys.manifest, 'lineage', 'caughtUpTo');
        return { lineage: lineage ?? null, caughtUpTo: caughtUpTo ?? null };
      }),

    read: (lineage, orderKeys) =>
      guarded('read snapshots', async () => {
        const result = await redis.callBuffer(
          'EVAL',
          readSnapshotsScript,
          1 + orderKeys.length,
          keys.manifest,
          ...orderKeys.map((orderKey) => keys.order(orderKey)),
          lineage,
          ...orderKeys,
        );
        if (!Array.isArray(result)) return regressed;
        const values = result as (Buffer | null)[];
        const snapshots = new Map<string, Buffer>();
        orderKeys.forEach((orderKey, index) => {
          const value = values[index];
          if (value) snapshots.set(orderKey, value.subarray(versionWidth));
        });
        return snapshots;
      }),

    parked: (lineage) =>
      guarded('read parked orders', async () => {
        const result = await redis.eval(readParkedScript, 2, keys.manifest, keys.parked, lineage);
        if (!Array.isArray(result)) return regressed;
        const flat = result as string[];
        const parked = new Map<string, number>();
        for (let i = 0; i < flat.length; i += 2) parked.set(flat[i]!, Number(flat[i + 1]));
        return parked;
      }),

    write: (expected, writes, caughtUpTo) =>
      guarded('write snapshots', async () => {
        const next = randomUUID();
        const args: (string | Buffer)[] = [expected ?? '', next, caughtUpTo ?? ''];
        for (const write of writes) {
          const version = versioned(write.stateOffset);
          args.push(
            version,
            write.value === null ? '' : prefixed(version, write.value),
            write.parkedSince === null ? '' : String(write.parkedSince),
            write.orderKey,
          );
        }
        const orderKeys = writes.map((write) => keys.order(write.orderKey));
        const result = await redis.eval(
          writeSnapshotsScript,
          2 + orderKeys.length,
          keys.manifest,
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

/** `version` (ASCII digits) then `value`, in one allocation (no buffer for the digits). */
function prefixed(version: string, value: Buffer): Buffer {
  const bytes = Buffer.allocUnsafe(version.length + value.length);
  bytes.write(version, 0, 'latin1');
  value.copy(bytes, version.length);
  return bytes;
}

async function guarded<T>(what: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new LifecycleError('cache_unavailable', `could not ${what}: ${reason}`, { cause });
  }
}
