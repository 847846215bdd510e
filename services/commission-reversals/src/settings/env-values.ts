import { ConfigError, type Env } from '@clawback/config';

/** A Kafka-resource name part (group id, transactional id prefix), or `undefined` when unset. */
export function nameFrom(env: Env, variable: string): string | undefined {
  const value = env[variable]?.trim();
  if (value === undefined || value === '') return undefined;
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(value)) {
    throw new ConfigError(
      'config_invalid',
      variable,
      `"${value}" may only contain letters, digits, ".", "_", "-"`,
    );
  }
  return value;
}

/** A whole number of at least `min`, or `fallback` when unset. */
export function integerFrom(env: Env, variable: string, fallback: number, min: number): number {
  const value = env[variable]?.trim();
  if (value === undefined || value === '') return fallback;
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min) {
    throw new ConfigError(
      'config_invalid',
      variable,
      `"${value}" is not an integer of at least ${min}`,
    );
  }
  return parsed;
}
