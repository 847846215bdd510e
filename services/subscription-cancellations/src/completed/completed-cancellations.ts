import { type Redis, toRedisError } from '@clawback/redis';
import { CancellationError } from '../cancellation-error';
import { type SubscriptionIdentity, subscriptionKey } from '../events/identity';
import { withCompletedCommands } from './completed-scripts';

/** A subscription Clawback has cancelled, and because of what. */
export interface CompletedCancellation {
  /** The lifecycle event the cancellation answered. */
  readonly causationId: string;
  readonly attempts: number;
  readonly alreadyCancelled: boolean;
}

/** A committed `SubscriptionCancelled` fact as the record keeps it. */
export type CommittedCancellation = SubscriptionIdentity & CompletedCancellation;

/**
 * The record of completed cancellations: what stops a second outbound call for a subscription
 * after a crash, a rebalance or a second cause. A cache of the committed `SubscriptionCancelled`
 * facts, plus the calls made since that are not committed yet; rebuilt from the topic when lost
 * (ADR 0010): a read never answers "not cancelled" from a record that is not complete.
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
  /**
   * Records facts just committed (after the transaction): a record written before the commit
   * may have been lost after a rebuild had already read the topic's end.
   */
  recordCommitted(facts: readonly CommittedCancellation[]): Promise<void>;
}

/**
 * The one Redis hash holding the record for `topic` (under the client's key prefix). Fields:
 * `s:<subscription key>` → record JSON, `ready` once complete, `epoch` and `rebuilt:<partition>`
 * of the rebuild that filled it. One key, so Redis loses all of it or nothing of it.
 */
export function completedRecordKey(topic: string): string {
  return `cancellations:completed-record:${topic}`;
}

/** The field of a subscription's record. */
export function completedField(subscription: SubscriptionIdentity): string {
  return `s:${subscriptionKey(subscription)}`;
}

/** What {@link redisCompletedCancellations} needs. */
export interface RedisCompletedOptions {
  readonly redis: Redis;
  /** The (possibly prefixed) `subscriptions.cancellations` topic the record caches. */
  readonly topic: string;
  /** Rebuilds the record from the topic (shared by concurrent callers); resolves once complete. */
  readonly rebuild: () => Promise<void>;
}

/**
 * {@link CompletedCancellations} in one Redis hash. A read of a hash without `ready` (lost
 * whole, or never built) waits for a rebuild from the topic and reads again, so a running
 * service repairs itself without a restart.
 */
export function redisCompletedCancellations(
  options: RedisCompletedOptions,
): CompletedCancellations {
  const redis = withCompletedCommands(options.redis);
  const key = completedRecordKey(options.topic);
  const read = async (field: string) => {
    try {
      const [ready, value] = await redis.hmget(key, 'ready', field);
      return { ready: ready === '1', value: value ?? null };
    } catch (error) {
      throw toRedisError(error, 'reading a completed cancellation');
    }
  };
  return {
    async find(subscription) {
      const field = completedField(subscription);
      let found = await read(field);
      if (!found.ready) {
        await options.rebuild();
        found = await read(field);
      }
      if (!found.ready) {
        throw new CancellationError(
          'completed_record_lost',
          'the completed-cancellations record was lost again while it was rebuilt',
        );
      }
      return found.value === null ? undefined : (JSON.parse(found.value) as CompletedCancellation);
    },
    async record(subscription, completed) {
      try {
        const held = await redis.recordCompletedCancellation(
          key,
          completedField(subscription),
          JSON.stringify(completed),
        );
        return JSON.parse(held) as CompletedCancellation;
      } catch (error) {
        throw toRedisError(error, 'recording a completed cancellation');
      }
    },
    async recordCommitted(facts) {
      if (facts.length === 0) return;
      const pipeline = redis.pipeline();
      for (const { provider, merchantId, subscriptionRef, ...completed } of facts) {
        pipeline.hsetnx(
          key,
          completedField({ provider, merchantId, subscriptionRef }),
          JSON.stringify(completed),
        );
      }
      try {
        for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;
      } catch (error) {
        throw toRedisError(error, 'recording committed cancellations');
      }
    },
  };
}
