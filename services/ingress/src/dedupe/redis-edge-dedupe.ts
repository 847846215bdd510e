import type { Redis } from '@clawback/redis';
import { sameFingerprint } from './checksum-fingerprint';
import type { EdgeDedupe } from './edge-dedupe';

/** Options of {@link redisEdgeDedupe}. */
export interface RedisEdgeDedupeOptions {
  /** Window length; at least 2Checkout's two days of retries. */
  readonly ttlSeconds: number;
}

/** The key of a published notification id, under the client's own key prefix. */
export function publishedKey(notificationId: string): string {
  return `ingress:published:${notificationId}`;
}

/**
 * Edge dedupe in Redis: one key per published notification id, expiring after the window.
 * The value is the ingress id of the delivery that was published, to trace a suppressed
 * duplicate back to its record.
 */
export function redisEdgeDedupe(
  redis: Pick<Redis, 'exists' | 'set' | 'get'>,
  options: RedisEdgeDedupeOptions,
): EdgeDedupe {
  return {
    seen: async (notificationId) => (await redis.exists(publishedKey(notificationId))) > 0,
    remember: async (notificationId, ingressId) => {
      await redis.set(publishedKey(notificationId), ingressId, 'EX', options.ttlSeconds);
    },
    sameFingerprint: (key, fingerprint) =>
      sameFingerprint(redis, key, fingerprint, options.ttlSeconds),
  };
}
