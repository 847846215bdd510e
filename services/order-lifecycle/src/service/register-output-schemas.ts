import { baseTopicNames } from '@clawback/kafka';
import { registerWrittenSchemas, type AvroRegistry } from '@clawback/schema-registry';
import type { LifecycleSettings } from '../settings/lifecycle-settings';

/**
 * Registers the value schemas of the topics the consumer writes (events, state, dead letters)
 * from `schemas/`, under BACKWARD compatibility, before anything is written: an edit that
 * would break existing readers stops the service here instead of reaching the topics.
 */
export async function registerOutputSchemas(
  registry: AvroRegistry,
  topics: LifecycleSettings['topics'],
): Promise<void> {
  await registerWrittenSchemas(
    registry,
    new Map([
      [baseTopicNames.lifecycleEvents, topics.lifecycleEvents],
      [baseTopicNames.lifecycleState, topics.lifecycleState],
      [baseTopicNames.notificationsDlq, topics.notificationsDlq],
    ]),
  );
}
