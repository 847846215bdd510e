import { ClawbackError } from '@clawback/errors';

/** Stable error codes of the schema-registry module. */
export type SchemaRegistryErrorCode =
  | 'registry_unavailable'
  | 'registry_unauthorized'
  | 'schema_incompatible'
  | 'schema_invalid'
  | 'schema_not_found'
  | 'schema_file_invalid'
  | 'compatibility_mismatch'
  | 'encode_failed'
  | 'decode_failed'
  | 'registry_error';

/** A schema or registry failure with a stable code; network failures are retriable. */
export class SchemaRegistryError extends ClawbackError<SchemaRegistryErrorCode> {
  constructor(
    code: SchemaRegistryErrorCode,
    message: string,
    options: { retriable?: boolean; cause?: unknown } = {},
  ) {
    super(code, message, options);
  }
}

/** Network-level failures (socket errors from fetch or mappersmith). */
const networkFailure =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|EAI_AGAIN|socket hang up|fetch failed|timeout/i;

function codeForStatus(status: number): readonly [SchemaRegistryErrorCode, boolean] | undefined {
  if (status === 409) return ['schema_incompatible', false];
  if (status === 422) return ['schema_invalid', false];
  if (status === 404) return ['schema_not_found', false];
  if (status === 401 || status === 403) return ['registry_unauthorized', false];
  if (status === 408 || status === 429 || status >= 500) return ['registry_unavailable', true];
  return undefined;
}

/**
 * Maps what @kafkajs/confluent-schema-registry (and fetch) throw to a
 * {@link SchemaRegistryError}: HTTP statuses by meaning (409 = incompatible), the library's
 * own error classes by name, and socket failures as retriable `registry_unavailable`.
 */
export function toSchemaRegistryError(error: unknown, context: string): SchemaRegistryError {
  if (error instanceof SchemaRegistryError) return error;
  const { name, message, status, cause } = (error ?? {}) as {
    name?: unknown;
    message?: unknown;
    status?: unknown;
    cause?: unknown;
  };
  const text = `${context}: ${typeof message === 'string' ? message : String(error)}`;
  const make = (code: SchemaRegistryErrorCode, retriable = false) =>
    new SchemaRegistryError(code, text, { retriable, cause: error });
  const byStatus = typeof status === 'number' ? codeForStatus(status) : undefined;
  if (byStatus) return make(...byStatus);
  if (name === 'ConfluentSchemaRegistryValidationError') return make('encode_failed');
  if (name === 'ConfluentSchemaRegistryArgumentError') return make('decode_failed');
  if (name === 'ConfluentSchemaRegistryCompatibilityError') return make('compatibility_mismatch');
  if (name === 'ConfluentSchemaRegistryInvalidSchemaError') return make('schema_invalid');
  const causeText =
    cause instanceof Error ? `${cause.message} ${String((cause as { code?: unknown }).code)}` : '';
  if (networkFailure.test(`${text} ${causeText}`)) return make('registry_unavailable', true);
  return make('registry_error');
}
