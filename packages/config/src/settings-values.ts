import { ConfigError } from './config-error';
import type { Env } from './env';

/**
 * A Kafka-resource name part (group id, transactional id prefix) from a service's own settings,
 * or `undefined` when unset.
 *
 * @throws ConfigError naming `variable` when it holds other than letters, digits, ".", "_", "-".
 */
export function kafkaNamePartFrom(env: Env, variable: string): string | undefined {
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

/**
 * A whole number of at least `min` (no sign, no fraction, safe integer), or `fallback` when unset.
 *
 * @throws ConfigError naming `variable` otherwise.
 */
export function integerAtLeastFrom(
  env: Env,
  variable: string,
  fallback: number,
  min: number,
): number {
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
