import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Type } from 'avsc';
import { SchemaRegistryError } from './schema-registry-error';

/** An Avro record schema as JSON. */
export interface AvroRecordSchema {
  readonly type: 'record';
  readonly name: string;
  readonly namespace?: string;
  readonly fields: readonly unknown[];
  readonly [key: string]: unknown;
}

/** One `schemas/<topic>.avsc` file: the value schema of `<topic>`. */
export interface SchemaFile {
  /** Contract topic name (without any test prefix). */
  readonly topic: string;
  readonly path: string;
  readonly schema: AvroRecordSchema;
}

/** The repository's top-level `schemas/` folder. */
export const defaultSchemasDir = resolve(__dirname, '../../../schemas');

/** Parses and checks one schema text; `path` is for the error message. */
export function parseSchema(text: string, path: string): AvroRecordSchema {
  let json: unknown;
  try {
    json = JSON.parse(text);
    Type.forSchema(json as never);
  } catch (error) {
    throw new SchemaRegistryError('schema_file_invalid', `${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const record = json as Partial<AvroRecordSchema>;
  if (record.type !== 'record') {
    throw new SchemaRegistryError('schema_file_invalid', `${path}: a topic value must be a record`);
  }
  return record as AvroRecordSchema;
}

/** Loads every `<topic>.avsc` in `dir`, sorted by topic, each parsed and checked with avsc. */
export async function loadSchemaFiles(dir = defaultSchemasDir): Promise<readonly SchemaFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.avsc')).sort();
  return Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      const schema = parseSchema(await readFile(path, 'utf8'), path);
      return { topic: name.slice(0, -'.avsc'.length), path, schema };
    }),
  );
}

/** The subject of a topic's values (topic-name strategy). */
export function subjectFor(topic: string): string {
  return `${topic}-value`;
}
