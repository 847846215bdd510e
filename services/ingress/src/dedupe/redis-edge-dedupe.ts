import type { EdgeDedupe } from './edge-dedupe';

/** The two ioredis commands the dedupe needs (an ioredis `Redis` or `Cluster` fits). */
export interface DedupeRedis {
  exists(key: string): Promise<number>;
  set(key: string, value: string, mode: 'EX', seconds: number): Promise<unknown>;
}

/** Where and for how long notification ids are kept. */
export interface RedisEdgeDedupeOptions {
  /** Deployment/test prefix, e.g. `clawback:`. */
  readonly keyPrefix: string;
  /** Window length; at least 2Checkout's two days of retries. */
  readonly ttlSeconds: number;
}

/**
 * Edge dedupe in Redis: one key per published notification id, expiring after the window.
 * The value is the ingress id of the delivery that was published, to trace a suppressed
 * duplicate back to its record.
 */
export function redisEdgeDedupe(redis: DedupeRedis, options: RedisEdgeDedupeOptions): EdgeDedupe {
  const keyOf = (notificationId: string) =>
    `${options.keyPrefix}ingress:published:${notificationId}`;
  return {
    seen: async (notificationId) => (await redis.exists(keyOf(notificationId))) > 0,
    remember: async (notificationId, ingressId) => {
      await redis.set(keyOf(notificationId), ingressId, 'EX', options.ttlSeconds);
    },
  };
}
