import { committedPositions, readPartitionRange } from '@clawback/exactly-once';
import type { Admin, KafkaClient } from '@clawback/kafka';
import type { LifecycleSettings } from '../settings/lifecycle-settings';
import { progressLine, type PartitionProgress } from './replay-progress';
import { StalledPartitions } from './stalled-partitions';

/**
 * How long a partition's committed position must stand still before the replay probes it for
 * markers only: a partition with records moves within a few transactions, one with markers
 * only never does, and waiting this long only delays the end of such a replay.
 */
const STALL_BEFORE_PROBE_MS = 10_000;

/** Prints progress until the replay group has committed up to the stop offsets. */
export async function followProgress(
  admin: Admin,
  settings: LifecycleSettings,
  ends: readonly { partition: number; high: string; low: string }[],
  write: (line: string) => void,
  intervalMs: number,
  holdsRecords: (partition: number, from: bigint, to: bigint) => Promise<boolean>,
): Promise<bigint> {
  let previous = 0n;
  let last = Date.now();
  const stalled = new StalledPartitions(STALL_BEFORE_PROBE_MS);
  // Partitions whose offsets from the committed one up to the stop offset hold no record a
  // consumer is given: transaction markers (the admin service writes commands in
  // transactions) or aborted records. The replay's group never commits past those, so waiting
  // for the committed offset to reach the end would wait forever.
  const drained = new Set<number>();
  for (;;) {
    const committed = await committedOffsets(
      admin,
      settings.groupId,
      settings.topics.notificationsRaw,
    );
    for (const { partition, low, high } of ends) {
      const at = committed.get(partition) ?? BigInt(low);
      if (drained.has(partition) || at >= BigInt(high)) continue;
      if (!stalled.shouldProbe(partition, at, Date.now())) continue;
      if (await holdsRecords(partition, at, BigInt(high))) stalled.holdsRecords(partition, at);
      else drained.add(partition);
    }
    const progress: PartitionProgress[] = ends.map(({ partition, low, high }) => {
      const total = BigInt(high) - BigInt(low);
      const at = drained.has(partition) ? BigInt(high) : (committed.get(partition) ?? BigInt(low));
      const done = at > BigInt(low) ? at - BigInt(low) : 0n;
      return { partition, done: done > total ? total : done, total };
    });
    const now = Date.now();
    write(progressLine(progress, previous, now - last));
    const done = progress.reduce((sum, p) => sum + p.done, 0n);
    if (progress.every((p) => p.done >= p.total)) return done;
    previous = done;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The offsets `groupId` committed on `topic`, by partition (never-committed ones absent). */
async function committedOffsets(
  admin: Admin,
  groupId: string,
  topic: string,
): Promise<Map<number, bigint>> {
  const positions = await committedPositions(admin, groupId, topic);
  const committed = [...positions].filter(([, position]) => position.committed);
  return new Map(committed.map(([partition, { nextOffset }]) => [partition, BigInt(nextOffset)]));
}

/** Input partitions where `groupId` has committed at least up to the stop offsets. */
export async function partitionsDone(
  admin: Admin,
  groupId: string,
  topic: string,
  stopAt: Readonly<Record<number, string>>,
): Promise<ReadonlySet<number>> {
  const committed = await committedOffsets(admin, groupId, topic);
  return new Set(
    Object.entries(stopAt)
      .filter(([partition, end]) => (committed.get(Number(partition)) ?? -1n) >= BigInt(end))
      .map(([partition]) => Number(partition)),
  );
}

/**
 * Whether `[from, to)` of a raw-topic partition holds a committed record a consumer would be
 * given (markers and aborted records are skipped by read_committed).
 */
export function holdsRecordsOn(
  kafka: KafkaClient,
  topic: string,
  groupIdPrefix: string,
): (partition: number, from: bigint, to: bigint) => Promise<boolean> {
  return async (partition, from, to) => {
    let seen = false;
    await readPartitionRange(
      kafka,
      { topic, partition, fromOffset: String(from), toOffset: String(to) },
      {
        groupIdPrefix,
        timeoutMs: 30_000,
        onMessages: (messages) => {
          if (messages.length > 0) seen = true;
        },
      },
    );
    return seen;
  };
}
