import { baseTopicNames, type TopicNames } from '@clawback/kafka';

/**
 * The topics the service writes (the adjustments and its per-order state changelog), contract
 * name → actual name: their value schemas are registered from `schemas/` before anything is
 * written (an edit that would break existing readers stops the service there).
 */
export function writtenTopics(
  topics: Pick<TopicNames, 'commissionAdjustments' | 'commissionState'>,
): ReadonlyMap<string, string> {
  return new Map([
    [baseTopicNames.commissionAdjustments, topics.commissionAdjustments],
    [baseTopicNames.commissionState, topics.commissionState],
  ]);
}
