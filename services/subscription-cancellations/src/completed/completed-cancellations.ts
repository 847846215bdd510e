import { type Redis, toRedisError } from '@clawback/redis';
import { type SubscriptionIdentity, subscriptionKey } from '../events/identity';

/** A subscription Clawback has cancelled, and because of what. */
export interface CompletedCancellation {
  /** The lifecycle event the cancellation answered. */
  readonly causationId: string;
  readonly attempts: number;
  readonly alreadyCancelled: boolean;
}

/**
 * The record of completed cancellations: what stops a second outbound call for a subscription
 * after a crash, a rebalance or a second cause. A cache of the committed `SubscriptionCancelled`
 * facts, plus the calls made since that are not committed yet; rebuilt from the topic when lost
 * ({@link rebuildCompletedCancellations}).
 */
export interface CompletedCancellations {
  find(subscription: SubscriptionIdentity): Promise<CompletedCancellation | undefined>;
  /**
   * Records `completed` unless the subscription already has a record; returns the record that
   * holds afterwards (the first one wins).
   */
  record(
    subscription: SubscriptionIdentity,
    completed: CompletedCancellation,
  ): Promise<CompletedCancellation>;
}

/** Redis key of a subscription's record (under the client's key prefix). */
export function completedKey(subscription: SubscriptionIdentity): string {
  return `cancellations:completed:${subscriptionKey(subscription)}`;
}

/** {@link CompletedCancellations} in Redis: one string key per subscription, written with NX. */
export function redisCompletedCancellations(redis: Redis): CompletedCancellations {
  const find = async (subscription: SubscriptionIdentity) => {
    try {
      const value = await redis.get(completedKey(subscription));
      return value === null ? undefined : (JSON.parse(value) as CompletedCancellation);
    } catch (error) {
      throw toRedisError(error, 'reading a completed cancellation');
    }
  };
  return {
    find,
    async record(subscription, completed) {
      try {
        const written = await redis.set(
          completedKey(subscription),
          JSON.stringify(completed),
          'NX',
        );
        if (written === 'OK') return completed;
      } catch (error) {
        throw toRedisError(error, 'recording a completed cancellation');
      }
      return (await find(subscription)) ?? completed;
    },
  };
}
