import type { SchemaRegistryConfig } from '@clawback/config';

/** The `Authorization` header for the registry's basic auth, as the client library sends it. */
export function basicAuthHeader(auth: NonNullable<SchemaRegistryConfig['auth']>): string {
  return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
}
