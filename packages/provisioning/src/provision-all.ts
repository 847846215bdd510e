import type { KafkaConfig, SchemaRegistryConfig } from '@clawback/config';
import {
  type TopicKey,
  baseTopicNames,
  createKafkaClient,
  provisionTopics,
  topicCatalogue,
  topicKeys,
  toKafkaError,
  topicNames,
} from '@clawback/kafka';
import type { Logger } from '@clawback/logging';
import {
  AvroRegistry,
  defaultSchemasDir,
  loadSchemaFiles,
  subjectFor,
} from '@clawback/schema-registry';
import type { ProvisioningProgress } from './progress';
import { ProvisioningError } from './provisioning-error';

/** Options for {@link provisionAll}. */
export interface ProvisionAllOptions {
  /** Brokers, replication settings and the topic prefix (`KAFKA_TOPIC_PREFIX`). */
  readonly kafka: KafkaConfig;
  readonly schemaRegistry: SchemaRegistryConfig;
  /** Default: the repository's `schemas/`. */
  readonly schemasDir?: string;
  readonly logger?: Logger;
  readonly onProgress?: (event: ProvisioningProgress) => void;
}

const keyByContractName = new Map(topicKeys.map((key) => [baseTopicNames[key], key] as const));

/**
 * Creates every topic of the catalogue and registers every schema in `schemas/` under the
 * (prefixed) topic's subject with BACKWARD compatibility. Idempotent: a second run changes
 * nothing and reports everything up to date.
 */
export async function provisionAll(
  options: ProvisionAllOptions,
): Promise<readonly ProvisioningProgress[]> {
  const events: ProvisioningProgress[] = [];
  const report = (event: ProvisioningProgress): void => {
    events.push(event);
    options.onProgress?.(event);
  };
  // Read the schemas first: a bad file fails before anything is changed.
  const files = await loadSchemaFiles(options.schemasDir ?? defaultSchemasDir);
  const keys = files.map((file) => {
    const key = keyByContractName.get(file.topic);
    if (!key) {
      throw new ProvisioningError(
        'schema_for_unknown_topic',
        `${file.path} names no topic of the catalogue`,
      );
    }
    return key;
  });

  const names = topicNames(options.kafka.topicPrefix);
  const kafka = createKafkaClient(options.kafka, {
    ...(options.logger && { logger: options.logger }),
    clientId: `${options.kafka.clientId}-provisioning`,
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const catalogue = topicCatalogue({
      names,
      replicationFactor: options.kafka.replicationFactor,
      minInSyncReplicas: options.kafka.minInSyncReplicas,
    });
    await provisionTopics(admin, catalogue, { onProgress: report });
  } catch (error) {
    throw toKafkaError(error, 'provisioning topics');
  } finally {
    await admin.disconnect();
  }

  const registry = new AvroRegistry(options.schemaRegistry);
  for (const [index, file] of files.entries()) {
    const topic = names[keys[index]!];
    const id = await registry.register(topic, file.schema);
    report({ type: 'SchemaRegistered', topic, subject: subjectFor(topic), id });
  }
  const withSchema = new Set<TopicKey>(keys);
  for (const key of topicKeys) {
    if (!withSchema.has(key)) report({ type: 'SchemaMissing', topic: names[key] });
  }
  return events;
}
