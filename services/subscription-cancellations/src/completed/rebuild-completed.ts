import type { Admin, KafkaClient } from '@clawback/kafka';
import type { Logger } from '@clawback/logging';
import { type Redis, toRedisError } from '@clawback/redis';
import type { CancellationCodecs } from '../batch/codecs';
import type { CompletedCancellations } from './completed-cancellations';
import { readToEnd } from './read-to-end';

/** What {@link rebuildCompletedCancellations} needs. */
export interface RebuildDeps {
  readonly kafka: KafkaClient;
  readonly admin: Admin;
  readonly redis: Redis;
  readonly completed: CompletedCancellations;
  readonly codecs: CancellationCodecs;
  /** The `subscriptions.cancellations` topic (possibly prefixed). */
  readonly topic: string;
  readonly groupIdPrefix: string;
  readonly timeoutMs: number;
  readonly logger: Logger;
}

/** Redis hash of how far (next offset per partition) the record was rebuilt from the topic. */
export function rebuiltThroughKey(topic: string): string {
  return `cancellations:rebuilt-through:${topic}`;
}

/**
 * Brings the completed-cancellations record up to the committed `SubscriptionCancelled` facts
 * of the topic, from where the last rebuild stopped (stored in Redis, so after a wipe it starts
 * from the beginning). Run at start, before consuming: a subscription cancelled before Redis
 * was lost is then never called again. Records are written with NX (the first fact wins) and
 * progress after them, so an interrupted rebuild is simply resumed.
 *
 * @returns how many facts were read.
 */
export async function rebuildCompletedCancellations(deps: RebuildDeps): Promise<number> {
  const key = rebuiltThroughKey(deps.topic);
  const offsets = await deps.admin.fetchTopicOffsets(deps.topic);
  let stored: Record<string, string>;
  try {
    stored = await deps.redis.hgetall(key);
  } catch (error) {
    throw toRedisError(error, 'reading the rebuild position');
  }
  const from = new Map(
    offsets.map(({ partition, low }) => {
      const done = stored[String(partition)];
      return [partition, done !== undefined && BigInt(done) > BigInt(low) ? done : low] as const;
    }),
  );
  const to = new Map(offsets.map(({ partition, high }) => [partition, high] as const));
  let facts = 0;
  await readToEnd(deps.kafka, deps.topic, {
    from,
    to,
    groupIdPrefix: deps.groupIdPrefix,
    timeoutMs: deps.timeoutMs,
    onBatch: async (partition, messages) => {
      for (const message of messages) {
        if (message.value === null) continue;
        const event = await deps.codecs.decodeCancellation(message.value);
        if (event.type !== 'SubscriptionCancelled') continue;
        facts += 1;
        await deps.completed.record(event, {
          causationId: event.causationId,
          attempts: event.attempts,
          alreadyCancelled: event.alreadyCancelled,
        });
      }
      const next = (BigInt(messages[messages.length - 1]!.offset) + 1n).toString();
      await deps.redis.hset(key, String(partition), next);
    },
  });
  deps.logger.info({ topic: deps.topic, facts }, 'completed cancellations rebuilt');
  return facts;
}
