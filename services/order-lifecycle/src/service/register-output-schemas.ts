import { baseTopicNames, topicKeys } from '@clawback/kafka';
import { loadSchemaFiles, registerSchemaFiles, type AvroRegistry } from '@clawback/schema-registry';
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
  const written = new Set([
    baseTopicNames.lifecycleEvents,
    baseTopicNames.lifecycleState,
    baseTopicNames.notificationsDlq,
  ]);
  const files = (await loadSchemaFiles()).filter((file) => written.has(file.topic));
  const actual = (contract: string): string => {
    const key = topicKeys.find((candidate) => baseTopicNames[candidate] === contract);
    return key === undefined ? contract : topics[key];
  };
  await registerSchemaFiles(registry, files, actual);
}
