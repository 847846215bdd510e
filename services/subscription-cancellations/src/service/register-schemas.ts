import { baseTopicNames, type TopicNames } from '@clawback/kafka';
import { type AvroRegistry, loadSchemaFiles, registerSchemaFiles } from '@clawback/schema-registry';

/**
 * Registers the value schemas of the topics the service writes (`subscriptions.cancellations`
 * and its dead letters) from `schemas/`, under BACKWARD compatibility, before anything is
 * written: an edit that would break existing readers stops the service here.
 */
export async function registerOutputSchemas(
  registry: AvroRegistry,
  topics: TopicNames,
): Promise<void> {
  const written = new Map([
    [baseTopicNames.cancellations, topics.cancellations],
    [baseTopicNames.cancellationsDlq, topics.cancellationsDlq],
  ]);
  const files = (await loadSchemaFiles()).filter((file) => written.has(file.topic));
  await registerSchemaFiles(registry, files, (contract) => written.get(contract) ?? contract);
}
