import { baseTopicNames } from '@clawback/kafka';
import type { LifecycleSettings } from '../settings/lifecycle-settings';

/**
 * The topics the consumer writes (events, state, dead letters), contract name → actual name:
 * their value schemas are registered from `schemas/` before anything is written.
 */
export function writtenTopics(topics: LifecycleSettings['topics']): ReadonlyMap<string, string> {
  return new Map([
    [baseTopicNames.lifecycleEvents, topics.lifecycleEvents],
    [baseTopicNames.lifecycleState, topics.lifecycleState],
    [baseTopicNames.notificationsDlq, topics.notificationsDlq],
  ]);
}
