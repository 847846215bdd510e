import { committedPositions } from '@clawback/exactly-once';
import type { Admin } from '@clawback/kafka';
import { waitFor } from '@clawback/test-harness';
import type { LifecycleSettings } from '../settings/lifecycle-settings';

/** Input records not yet committed by `groupId`, summed over the topic's partitions. */
export async function uncommitted(admin: Admin, groupId: string, topic: string): Promise<bigint> {
  const [ends, positions] = await Promise.all([
    admin.fetchTopicOffsets(topic),
    committedPositions(admin, groupId, topic),
  ]);
  let left = 0n;
  for (const { partition, high } of ends) {
    const behind = BigInt(high) - BigInt(positions.get(partition)?.nextOffset ?? '0');
    if (behind > 0n) left += behind;
  }
  return left;
}

/** Waits until the consumer with `settings` has committed every raw record there is. */
export async function waitUntilAllCommitted(
  admin: Admin,
  settings: Pick<LifecycleSettings, 'groupId' | 'topics'>,
  timeoutMs: number,
): Promise<void> {
  const { groupId, topics } = settings;
  await waitFor(async () => (await uncommitted(admin, groupId, topics.notificationsRaw)) === 0n, {
    timeoutMs,
    description: 'every raw record committed',
  });
}
