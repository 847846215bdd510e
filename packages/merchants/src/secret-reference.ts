import { MerchantsError } from './merchants-error';
import { childPath, isJsonObject } from './json-path';

/** Environment variables, injectable so loading stays testable. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** `{"env": "NAME"}`: a value to be taken from the environment variable `NAME`. */
export interface EnvReference {
  readonly env: string;
}

/** True for an object whose only key is `env` with a string value. */
export function isEnvReference(value: unknown): value is EnvReference {
  return isJsonObject(value) && Object.keys(value).length === 1 && typeof value.env === 'string';
}

/**
 * Replaces every `{"env": "NAME"}` anywhere in `value` with the variable's value, so secrets
 * need not live in the file and every consumer (ingress, cancellation adapters) sees plain
 * strings. Resolved once at load: a missing variable stops the service at start instead of
 * failing the first notification.
 */
export function resolveEnvReferences(value: unknown, env: Environment, path = ''): unknown {
  if (isEnvReference(value)) {
    const resolved = env[value.env];
    if (resolved === undefined || resolved === '') {
      throw new MerchantsError(
        'merchant_secret_env_unset',
        path,
        `environment variable ${value.env} is not set`,
      );
    }
    return resolved;
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) =>
      resolveEnvReferences(item, env, `${path}[${index}]`),
    );
  }
  if (isJsonObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      out[key] = resolveEnvReferences(child, env, childPath(path, key));
    }
    return out;
  }
  return value;
}
