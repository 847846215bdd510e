import { randomUUID } from 'node:crypto';
import { readPartitionRange } from '@clawback/exactly-once';
import type { Admin, KafkaClient, KafkaMessage } from '@clawback/kafka';
import type { Logger } from '@clawback/logging';
import { type Redis, toRedisError } from '@clawback/redis';
import type { CancellationCodecs } from '../batch/codecs';
import { CancellationError } from '../cancellation-error';
import { completedField, completedRecordKey } from './completed-cancellations';
import { withCompletedCommands, type CompletedRedis } from './completed-scripts';

/** What {@link rebuildCompletedCancellations} needs. */
export interface RebuildDeps {
  readonly kafka: KafkaClient;
  readonly admin: Admin;
  readonly redis: Redis;
  readonly codecs: CancellationCodecs;
  /** The `subscriptions.cancellations` topic (possibly prefixed). */
  readonly topic: string;
  readonly groupIdPrefix: string;
  readonly timeoutMs: number;
  readonly logger: Logger;
}

/** What one rebuild did. */
export interface RebuildResult {
  /** False when the record was complete already and nothing was read. */
  readonly rebuilt: boolean;
  /** `SubscriptionCancelled` facts read from the topic. */
  readonly facts: number;
}

/** Rebuilds started over because the record was lost again while being filled. */
const ATTEMPTS = 5;

/** The rebuild's hash was lost while it was filled: start over. */
class EpochLost extends Error {}

/** True when `error` or one of its causes (readers wrap what `onMessages` throws) is {@link EpochLost}. */
function isEpochLost(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause)
    if (e instanceof EpochLost) return true;
  return false;
}

/**
 * Makes the completed-cancellations record complete: when its hash has no `ready` field (lost,
 * or never built), reads the committed `SubscriptionCancelled` facts of the topic into it, from
 * where an interrupted rebuild of the same hash stopped (positions live in the hash, so they
 * vanish with the facts they describe), up to the ends seen after the rebuild began, then sets
 * `ready`. Every write checks the rebuild's epoch: a hash lost meanwhile is never completed
 * with only the later facts. Records written by the consumer meanwhile are kept (first wins).
 *
 * @throws CancellationError `rebuild_failed` (retriable).
 */
export async function rebuildCompletedCancellations(deps: RebuildDeps): Promise<RebuildResult> {
  const redis = withCompletedCommands(deps.redis);
  let facts = 0;
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await rebuildOnce(deps, redis, (n) => (facts += n));
        if (result) deps.logger.info({ topic: deps.topic, facts }, 'completed record rebuilt');
        return { rebuilt: result, facts };
      } catch (error) {
        if (!isEpochLost(error) || attempt >= ATTEMPTS) throw error;
        deps.logger.warn({ topic: deps.topic }, 'completed record lost while rebuilt: again');
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CancellationError('rebuild_failed', reason, { cause: error });
  }
}

async function rebuildOnce(
  deps: RebuildDeps,
  redis: CompletedRedis,
  count: (facts: number) => void,
): Promise<boolean> {
  const key = completedRecordKey(deps.topic);
  const offsets = await deps.admin.fetchTopicOffsets(deps.topic);
  let begun: string[];
  try {
    begun = await redis.beginCompletedRebuild(
      key,
      randomUUID(),
      ...offsets.map(({ partition }) => `rebuilt:${partition}`),
    );
  } catch (error) {
    throw toRedisError(error, 'beginning the rebuild');
  }
  const [ready, epoch, ...positions] = begun;
  if (ready === '1') return false;
  // The ends are read after the epoch is set: a fact committed later was recorded after its
  // commit into this hash (recordCommitted), so nothing committed falls between the two.
  const ends = await deps.admin.fetchTopicOffsets(deps.topic);
  const onMessages = async (partition: number, messages: readonly KafkaMessage[]) => {
    const fields: string[] = [];
    for (const message of messages) {
      if (message.value === null) continue;
      const event = await deps.codecs.decodeCancellation(message.value);
      if (event.type !== 'SubscriptionCancelled') continue;
      const { causationId, attempts, alreadyCancelled } = event;
      fields.push(
        completedField(event),
        JSON.stringify({ causationId, attempts, alreadyCancelled }),
      );
    }
    count(fields.length / 2);
    const next = (BigInt(messages[messages.length - 1]!.offset) + 1n).toString();
    const written = await redis.writeCompletedRebuild(
      key,
      epoch!,
      String(partition),
      next,
      ...fields,
    );
    if (written !== 1) throw new EpochLost();
  };
  // One private reader per partition with anything left to read.
  await Promise.all(
    ends.map(({ partition, low, high }) => {
      const done = positions[offsets.findIndex((o) => o.partition === partition)] ?? '';
      const fromOffset = done !== '' && BigInt(done) > BigInt(low) ? done : low;
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
  if ((await redis.finishCompletedRebuild(key, epoch!)) !== 1) throw new EpochLost();
  return true;
}
