import { committedPositions } from '@clawback/exactly-once';
import type { Admin } from '@clawback/kafka';
import type { LifecycleSettings } from '../settings/lifecycle-settings';
import { progressLine, type PartitionProgress } from './replay-progress';

/** Prints progress until the replay group has committed up to the stop offsets. */
export async function followProgress(
  admin: Admin,
  settings: LifecycleSettings,
  ends: readonly { partition: number; high: string; low: string }[],
  write: (line: string) => void,
  intervalMs: number,
): Promise<bigint> {
  let previous = 0n;
  let last = Date.now();
  for (;;) {
    const committed = await committedOffsets(
      admin,
      settings.groupId,
      settings.topics.notificationsRaw,
    );
    const progress: PartitionProgress[] = ends.map(({ partition, low, high }) => {
      const total = BigInt(high) - BigInt(low);
      const at = committed.get(partition) ?? BigInt(low);
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
