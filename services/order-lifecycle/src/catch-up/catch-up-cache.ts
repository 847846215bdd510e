import { isExactlyOnceError, readPartitionRange } from '@clawback/exactly-once';
import type { Admin, KafkaClient as Kafka, KafkaMessage } from '@clawback/kafka';
import { LifecycleError, toLifecycleError } from '../lifecycle-error';
import {
  regressed,
  type PartitionSnapshotCache,
  type SnapshotWrite,
} from '../snapshot-cache/partition-snapshot-cache';

/** What {@link catchUpCache} needs. */
export interface CatchUpOptions {
  readonly kafka: Kafka;
  readonly admin: Admin;
  readonly cache: PartitionSnapshotCache;
  readonly stateTopic: string;
  readonly partition: number;
  /** Oldest parked provider time of a state-topic value, `null` when nothing is parked. */
  readonly parkedSince: (value: Buffer) => Promise<number | null>;
  readonly groupIdPrefix: string;
  readonly heartbeat?: () => Promise<void>;
  readonly timeoutMs: number;
  /** How often to start over when the cache changes underneath (default 3). */
  readonly attempts?: number;
}

/** The cache after catching up: trustworthy as long as its lineage stays `lineage`. */
export interface CaughtUpCache {
  readonly lineage: string;
  readonly parked: ReadonlyMap<string, number>;
  readonly fromOffset: string;
  readonly toOffset: string;
}

class CacheMoved extends Error {}

/**
 * Brings the Redis cache of one partition up to the committed end of the state topic, reading
 * from where the cache says it is complete (from the beginning when it knows nothing, e.g.
 * after a wipe or after a read found one of its keys lost, ADR 0009). Every snapshot goes
 * through `cache.write`, which lists it in the partition's manifest. Must run after this instance fenced the partition's previous owner: then the
 * state partition's end cannot move until this instance writes to it.
 *
 * Every write is chained to the previous one's lineage token, so a wipe or a lost write in
 * the middle is noticed and the catch-up starts over instead of declaring a hole complete.
 */
export async function catchUpCache(options: CatchUpOptions): Promise<CaughtUpCache> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const caughtUp = await catchUpOnce(options).catch((error: unknown) => {
      if (error instanceof CacheMoved) return undefined;
      throw error;
    });
    if (caughtUp) return caughtUp;
  }
  throw new LifecycleError(
    'catch_up_failed',
    `the cache of ${options.stateTopic}[${options.partition}] changed during ${attempts} catch-ups`,
  );
}

async function catchUpOnce(options: CatchUpOptions): Promise<CaughtUpCache> {
  const { cache, stateTopic, partition } = options;
  const head = await cache.head();
  const fromOffset = head.lineage !== null && head.caughtUpTo !== null ? head.caughtUpTo : '0';
  const toOffset = await endOffset(options.admin, stateTopic, partition);
  if (BigInt(fromOffset) > BigInt(toOffset)) {
    throw new LifecycleError(
      'catch_up_failed',
      `the cache of ${stateTopic}[${partition}] claims offset ${fromOffset} beyond the topic's end ${toOffset}: was the topic recreated? Delete the partition's cache keys.`,
    );
  }
  let lineage = head.lineage;
  await readPartitionRange(
    options.kafka,
    { topic: stateTopic, partition, fromOffset, toOffset },
    {
      groupIdPrefix: options.groupIdPrefix,
      timeoutMs: options.timeoutMs,
      ...(options.heartbeat && { heartbeat: options.heartbeat }),
      onMessages: async (messages) => {
        const next = await cache.write(lineage, await snapshotWrites(messages, options));
        if (next === regressed) throw new CacheMoved();
        lineage = next;
      },
    },
  ).catch((error: unknown) => {
    if (isExactlyOnceError(error) && error.cause instanceof CacheMoved) throw error.cause;
    throw toLifecycleError(error);
  });
  const finalLineage = await cache.write(lineage, [], toOffset);
  if (finalLineage === regressed) throw new CacheMoved();
  const parked = await cache.parked(finalLineage);
  if (parked === regressed) throw new CacheMoved();
  return { lineage: finalLineage, parked, fromOffset, toOffset };
}

async function snapshotWrites(
  messages: readonly KafkaMessage[],
  options: CatchUpOptions,
): Promise<SnapshotWrite[]> {
  const writes: SnapshotWrite[] = [];
  for (const message of messages) {
    if (message.key === null) continue;
    writes.push({
      orderKey: message.key.toString(),
      stateOffset: message.offset,
      value: message.value,
      parkedSince: message.value === null ? null : await options.parkedSince(message.value),
    });
  }
  return writes;
}

async function endOffset(admin: Admin, topic: string, partition: number): Promise<string> {
  const offsets = await admin.fetchTopicOffsets(topic);
  const entry = offsets.find((candidate) => candidate.partition === partition);
  if (!entry) {
    throw new LifecycleError('catch_up_failed', `${topic} has no partition ${partition}`);
  }
  return entry.high;
}
