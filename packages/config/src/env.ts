import { invalid, missing } from './config-error';

/** The environment as given to loaders: `process.env` in services, a literal in tests. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A variable's value, or undefined when unset or blank (`FOO=` in a compose file means unset). */
export function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** A variable that must be set. */
export function required(env: Env, name: string, hint: string): string {
  const value = optional(env, name);
  if (value === undefined) throw missing(name, hint);
  return value;
}

/** A TCP port; 0 is accepted and means "any free port" (handy in tests). */
export function port(env: Env, name: string, fallback: number): number {
  const text = optional(env, name);
  if (text === undefined) return fallback;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    throw invalid(name, `"${text}" is not a port number (0-65535)`);
  }
  return Number(text);
}

/** A positive integer, within bounds. */
export function positiveInt(env: Env, name: string, fallback: number, max: number): number {
  const text = optional(env, name);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) {
    throw invalid(name, `"${text}" is not an integer from 1 to ${max}`);
  }
  return Number(text);
}

/** `true` or `false`, exactly (a typo such as `ture` must not silently mean false). */
export function flag(env: Env, name: string, fallback: boolean): boolean {
  const text = optional(env, name);
  if (text === undefined) return fallback;
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw invalid(name, `"${text}" is not true or false`);
}

/** One of a fixed set of lowercase words. */
export function oneOf<T extends string>(
  env: Env,
  name: string,
  choices: readonly T[],
): T | undefined {
  const text = optional(env, name)?.toLowerCase();
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) {
    throw invalid(name, `"${text}" is not one of ${choices.join(', ')}`);
  }
  return text as T;
}

/** A URL with one of the given protocols (e.g. `['http:', 'https:']`). */
export function url(env: Env, name: string, fallback: string, protocols: readonly string[]): URL {
  const text = optional(env, name) ?? fallback;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw invalid(name, `"${redactUserInfo(text)}" is not a URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw invalid(name, `protocol ${parsed.protocol} is not one of ${protocols.join(', ')}`);
  }
  return parsed;
}

/** Hides `user:password@` so an error line never prints a secret. */
function redactUserInfo(text: string): string {
  return text.replace(/\/\/[^/@]*@/, '//***@');
}
