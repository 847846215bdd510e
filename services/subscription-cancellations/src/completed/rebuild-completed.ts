import { readPartitionRange } from '@clawback/exactly-once';
import type { Admin, KafkaClient, KafkaMessage } from '@clawback/kafka';
import type { Logger } from '@clawback/logging';
import { type Redis, toRedisError } from '@clawback/redis';
import type { CancellationCodecs } from '../batch/codecs';
import { CancellationError } from '../cancellation-error';
import type { CompletedCancellations } from './completed-cancellations';

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
  let facts = 0;
  const onMessages = async (partition: number, messages: readonly KafkaMessage[]) => {
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
  };
  try {
    // One private reader per partition that has anything new; none at all after a clean stop.
    await Promise.all(
      offsets.map(({ partition, low, high }) => {
        const done = stored[String(partition)];
        const fromOffset = done !== undefined && BigInt(done) > BigInt(low) ? done : low;
        return readPartitionRange(
          deps.kafka,
          { topic: deps.topic, partition, fromOffset, toOffset: high },
          {
            groupIdPrefix: deps.groupIdPrefix,
            timeoutMs: deps.timeoutMs,
            onMessages: (messages) => onMessages(partition, messages),
          },
        );
      }),
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CancellationError('rebuild_failed', reason, { cause: error });
  }
  deps.logger.info({ topic: deps.topic, facts }, 'completed cancellations rebuilt');
  return facts;
}
