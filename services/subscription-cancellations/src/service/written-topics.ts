import { baseTopicNames, type TopicNames } from '@clawback/kafka';

/**
 * The topics the service writes (`subscriptions.cancellations` and its dead letters), contract
 * name → actual name: their value schemas are registered from `schemas/` before anything is
 * written (an edit that would break existing readers stops the service there).
 */
export function writtenTopics(
  topics: Pick<TopicNames, 'cancellations' | 'cancellationsDlq'>,
): ReadonlyMap<string, string> {
  return new Map([
    [baseTopicNames.cancellations, topics.cancellations],
    [baseTopicNames.cancellationsDlq, topics.cancellationsDlq],
  ]);
}
