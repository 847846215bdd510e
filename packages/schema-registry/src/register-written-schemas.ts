import { registerSchemaFiles, type AvroRegistry } from './avro-registry';
import { defaultSchemasDir, loadSchemaFiles } from './schema-files';
import { SchemaRegistryError } from './schema-registry-error';

/**
 * Registers, from `schemas/`, the value schemas of the topics a service writes, before it
 * writes anything. Each producer registers its own schemas: `encode` then uses the id of the
 * schema this code was written against (not whatever is latest), and an edit that would break
 * existing readers stops the service at start instead of reaching the topic.
 *
 * @param topics contract topic name (`orders.lifecycle.events`) → the actual, possibly
 *   prefixed, topic name the service writes.
 * @throws SchemaRegistryError `schema_not_found` when `schemas/` has no file for a topic.
 */
export async function registerWrittenSchemas(
  registry: AvroRegistry,
  topics: ReadonlyMap<string, string>,
  dir = defaultSchemasDir,
): Promise<void> {
  const files = (await loadSchemaFiles(dir)).filter((file) => topics.has(file.topic));
  const missing = [...topics.keys()].filter((topic) => !files.some((f) => f.topic === topic));
  if (missing.length > 0) {
    throw new SchemaRegistryError(
      'schema_not_found',
      `no schema file in ${dir} for: ${missing.join(', ')}`,
    );
  }
  await registerSchemaFiles(registry, files, (contract) => topics.get(contract) ?? contract);
}
