import type { Redis } from '@clawback/redis';

/** Every key under the client's prefix with its `DUMP` bytes. */
export async function dumpKeys(client: Redis): Promise<ReadonlyMap<string, Buffer>> {
  const prefix = client.options.keyPrefix ?? '';
  const dumped = new Map<string, Buffer>();
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    for (const key of keys) {
      const name = key.slice(prefix.length);
      const value = await client.dumpBuffer(name);
      if (value) dumped.set(name, value);
    }
  } while (cursor !== '0');
  return dumped;
}

/**
 * Puts the keys back exactly as dumped and deletes the others: what a Redis restarted from an
 * older snapshot (or failed over to a lagging replica) looks like.
 */
export async function restoreKeys(
  client: Redis,
  dumped: ReadonlyMap<string, Buffer>,
): Promise<void> {
  const current = await dumpKeys(client);
  for (const name of current.keys()) if (!dumped.has(name)) await client.del(name);
  for (const [name, value] of dumped) await client.restore(name, 0, value, 'REPLACE');
}
