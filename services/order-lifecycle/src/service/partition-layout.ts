import type { Admin } from '@clawback/kafka';
import { LifecycleError } from '../lifecycle-error';
import type { LifecycleSettings } from '../settings/lifecycle-settings';

/** How the output topics line up with the input's partitions. */
export interface PartitionLayout {
  readonly inputPartitions: number;
  /** Events can go to the input's partition number. */
  readonly eventsCoPartitioned: boolean;
}

/**
 * Checks that the state topic has exactly the input's partitions: a partition's snapshots are
 * written to and caught up from the same partition number, which only works one to one.
 *
 * @throws LifecycleError `partition_count_mismatch`
 */
export async function partitionLayout(
  admin: Admin,
  topics: LifecycleSettings['topics'],
): Promise<PartitionLayout> {
  const names = [topics.notificationsRaw, topics.lifecycleState, topics.lifecycleEvents];
  const metadata = await admin.fetchTopicMetadata({ topics: names });
  const count = (name: string): number =>
    metadata.topics.find((topic) => topic.name === name)?.partitions.length ?? 0;
  const input = count(topics.notificationsRaw);
  const state = count(topics.lifecycleState);
  if (input === 0 || state !== input) {
    throw new LifecycleError(
      'partition_count_mismatch',
      `${topics.lifecycleState} has ${state} partitions but ${topics.notificationsRaw} has ${input}; they must be equal`,
    );
  }
  return { inputPartitions: input, eventsCoPartitioned: count(topics.lifecycleEvents) === input };
}
