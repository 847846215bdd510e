import { baseTopicNames, type TopicNames } from '@clawback/kafka';
import { type AvroRegistry, registerWrittenSchemas } from '@clawback/schema-registry';

/**
 * Registers the value schemas of the topics the service writes (the adjustments and its
 * per-order state changelog) from `schemas/`, under BACKWARD compatibility, before anything is
 * written: an edit that would break existing readers stops the service here.
 */
export async function registerOutputSchemas(
  registry: AvroRegistry,
  topics: Pick<TopicNames, 'commissionAdjustments' | 'commissionState'>,
): Promise<void> {
  await registerWrittenSchemas(
    registry,
    new Map([
      [baseTopicNames.commissionAdjustments, topics.commissionAdjustments],
      [baseTopicNames.commissionState, topics.commissionState],
    ]),
  );
}
