import {
  provisionTopics,
  topicCatalogue,
  topicNames,
  type Admin,
  type TopicKey,
  type TopicNames,
} from '@clawback/kafka';
import type { KafkaConfig } from '@clawback/config';
import { LifecycleError } from '../lifecycle-error';

/** The topics a replay writes: fresh ones under the target prefix. */
export const REPLAY_OUTPUTS: readonly TopicKey[] = [
  'lifecycleEvents',
  'lifecycleState',
  'notificationsDlq',
];

/** The replay's topic names: the live raw topic as input, everything else under `targetPrefix`. */
export function replayTopics(source: TopicNames, targetPrefix: string): TopicNames {
  return { ...topicNames(targetPrefix), notificationsRaw: source.notificationsRaw };
}

/**
 * Creates the replay's output topics with the raw topic's partition count. Refuses topics that
 * already hold records: a replay into used topics would mix two runs.
 *
 * @throws LifecycleError `invalid_arguments` for non-empty targets.
 */
export async function provisionReplayTopics(
  admin: Admin,
  kafka: Pick<KafkaConfig, 'replicationFactor' | 'minInSyncReplicas'>,
  topics: TopicNames,
  partitions: number,
): Promise<void> {
  const existing = new Set(await admin.listTopics());
  for (const key of REPLAY_OUTPUTS) {
    if (!existing.has(topics[key])) continue;
    const offsets = await admin.fetchTopicOffsets(topics[key]);
    if (offsets.some((offset) => BigInt(offset.high) > 0n)) {
      throw new LifecycleError(
        'invalid_arguments',
        `${topics[key]} already holds records; choose a fresh --target-prefix`,
      );
    }
  }
  const definitions = topicCatalogue({
    names: topics,
    replicationFactor: kafka.replicationFactor,
    minInSyncReplicas: kafka.minInSyncReplicas,
    partitions,
  }).filter((definition) => REPLAY_OUTPUTS.includes(definition.key));
  await provisionTopics(admin, definitions);
}
