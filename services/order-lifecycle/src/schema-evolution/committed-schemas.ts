import { execFileSync } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import {
  defaultSchemasDir,
  parseSchema,
  type AvroRecordSchema,
  type SchemaFile,
} from '@clawback/schema-registry';

/** A schema file as committed at a git ref. */
export interface CommittedSchema {
  readonly ref: string;
  readonly schema: AvroRecordSchema;
}

const repositoryRoot = dirname(defaultSchemasDir);

/**
 * The versions of `file` committed at `refs` (e.g. `main`, `HEAD`), distinct ones only; a ref
 * that does not have the file (a new schema) or does not exist is skipped.
 */
export function committedVersions(
  file: SchemaFile,
  refs: readonly string[],
): readonly CommittedSchema[] {
  const seen = new Set<string>();
  const versions: CommittedSchema[] = [];
  for (const ref of refs) {
    const text = gitShow(ref, `schemas/${basename(file.path)}`);
    if (text === undefined || seen.has(text)) continue;
    seen.add(text);
    versions.push({ ref, schema: parseSchema(text, `${ref}:schemas/${basename(file.path)}`) });
  }
  return versions;
}

function gitShow(ref: string, path: string): string | undefined {
  try {
    return execFileSync('git', ['show', `${ref}:${path}`], {
      cwd: resolve(repositoryRoot),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}

/**
 * A breaking edit of `schema` for tests of the check itself: a new required field (no
 * default), which old data cannot fill.
 */
export function withRequiredField(schema: AvroRecordSchema): AvroRecordSchema {
  return { ...schema, fields: [...schema.fields, { name: 'addedWithoutDefault', type: 'string' }] };
}
