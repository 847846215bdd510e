import type { Redis } from '@clawback/redis';

/**
 * Deletes each key under the client's prefix with probability one half, one `DEL` per key as
 * `SCAN` finds them (what eviction, a failover or a careless `deleteKeysByPrefix` does to a
 * running service). `random` is a seeded source. Returns how many keys were deleted.
 */
export async function loseRandomHalf(redis: Redis, random: () => number): Promise<number> {
  const prefix = redis.options.keyPrefix ?? '';
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 200);
    cursor = next;
    for (const key of keys) {
      if (random() < 0.5) deleted += await redis.del(key.slice(prefix.length));
    }
  } while (cursor !== '0');
  return deleted;
}
