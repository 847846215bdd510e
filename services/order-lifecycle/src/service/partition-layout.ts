import { assertCoPartitioned } from '@clawback/exactly-once';
import type { Admin } from '@clawback/kafka';
import { toLifecycleError } from '../lifecycle-error';
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
  const input = await assertCoPartitioned(
    admin,
    topics.notificationsRaw,
    topics.lifecycleState,
  ).catch((error: unknown) => {
    throw toLifecycleError(error);
  });
  const metadata = await admin.fetchTopicMetadata({ topics: [topics.lifecycleEvents] });
  const events = metadata.topics.find((topic) => topic.name === topics.lifecycleEvents);
  return { inputPartitions: input, eventsCoPartitioned: events?.partitions.length === input };
}
