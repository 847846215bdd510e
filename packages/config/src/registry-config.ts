import { missing } from './config-error';
import { type Env, optional, url } from './env';

/** Where the Confluent-compatible schema registry lives. */
export interface SchemaRegistryConfig {
  /** Base URL of the Confluent API, without a trailing slash. */
  readonly url: string;
  /** Basic auth, e.g. for a managed registry. */
  readonly auth?: { readonly username: string; readonly password: string };
}

const defaultUrl = 'http://127.0.0.1:18081/apis/ccompat/v7';

/** Reads `SCHEMA_REGISTRY_URL` and the optional `SCHEMA_REGISTRY_USERNAME`/`_PASSWORD`. */
export function loadSchemaRegistryConfig(env: Env): SchemaRegistryConfig {
  const parsed = url(env, 'SCHEMA_REGISTRY_URL', defaultUrl, ['http:', 'https:']);
  const username = optional(env, 'SCHEMA_REGISTRY_USERNAME');
  const password = optional(env, 'SCHEMA_REGISTRY_PASSWORD');
  if ((username === undefined) !== (password === undefined)) {
    throw missing(
      username === undefined ? 'SCHEMA_REGISTRY_USERNAME' : 'SCHEMA_REGISTRY_PASSWORD',
      'basic auth needs both a username and a password',
    );
  }
  return {
    url: parsed.href.replace(/\/+$/, ''),
    ...(username !== undefined && password !== undefined && { auth: { username, password } }),
  };
}
