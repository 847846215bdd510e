import type { Redis } from 'ioredis';
import { toRedisError } from './redis-error';

/** Escapes Redis glob characters so a prefix matches literally. */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (char) => `\\${char}`);
}

/**
 * Deletes every key that starts with `prefix` (relative to the client's own key prefix), with
 * SCAN so a large keyspace never blocks the server. Returns how many keys were deleted.
 */
export async function deleteKeysByPrefix(client: Redis, prefix: string): Promise<number> {
  // ioredis prefixes the keys of commands but not SCAN's pattern, nor strips SCAN's results.
  const clientPrefix = client.options.keyPrefix ?? '';
  const pattern = `${escapeGlob(clientPrefix + prefix)}*`;
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) {
        deleted += await client.del(...keys.map((key) => key.slice(clientPrefix.length)));
      }
    } while (cursor !== '0');
  } catch (error) {
    throw toRedisError(error, `deleting keys under ${prefix}`);
  }
  return deleted;
}
