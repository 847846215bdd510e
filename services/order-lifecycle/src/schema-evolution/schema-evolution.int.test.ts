import { randomBytes } from 'node:crypto';
import { loadConfig } from '@clawback/config';
import {
  AvroRegistry,
  SchemaRegistryError,
  checkBackwardCompatibility,
  loadSchemaFiles,
  parseSchema,
  subjectFor,
} from '@clawback/schema-registry';
import { committedVersions, withRequiredField } from './committed-schemas';

const { schemaRegistry } = loadConfig(['schemaRegistry'], process.env);

/** The latest schema registered for `subject`, or undefined when the subject is unknown. */
async function latestRegistered(subject: string) {
  const response = await fetch(
    `${schemaRegistry.url}/subjects/${encodeURIComponent(subject)}/versions/latest`,
  );
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`registry answered ${response.status} for ${subject}`);
  const body = (await response.json()) as { schema: string };
  return parseSchema(body.schema, subject);
}

describe('schemas/*.avsc against the registry (BACKWARD)', () => {
  const registry = new AvroRegistry(schemaRegistry);
  const prefix = `t-schemas-${randomBytes(4).toString('hex')}`;

  it('given the versions committed on main, when the working-tree schemas are registered after them, then the registry accepts every one', async () => {
    for (const file of await loadSchemaFiles()) {
      const topic = `${prefix}.${file.topic}`;
      for (const committed of committedVersions(file, ['main'])) {
        await registry.register(topic, committed.schema);
      }
      await expect(registry.register(topic, file.schema)).resolves.toEqual(expect.any(Number));
    }
  });

  it('given a new field without default, when registered after the current schema, then the registry refuses it as incompatible', async () => {
    for (const file of await loadSchemaFiles()) {
      const topic = `${prefix}.breaking.${file.topic}`;
      await registry.register(topic, file.schema);
      const refused = await registry
        .register(topic, withRequiredField(file.schema))
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(SchemaRegistryError);
      expect((refused as SchemaRegistryError).code).toBe('schema_incompatible');
    }
  });

  it('given versions already registered under the contract subjects, when compared, then the working-tree schemas read their data', async () => {
    const problems: string[] = [];
    for (const file of await loadSchemaFiles()) {
      const latest = await latestRegistered(subjectFor(file.topic));
      if (latest === undefined) continue;
      const result = checkBackwardCompatibility(file.schema as never, latest as never);
      if (!result.compatible) problems.push(`${file.topic}: ${result.reason}`);
    }
    expect(problems).toEqual([]);
  });
});
