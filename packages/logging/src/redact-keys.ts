import { isSensitiveKey } from './sensitive-keys';

/** What replaces a sensitive value. */
export const censor = '[Redacted]';

const maxDepth = 10;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Returns `value` with every sensitive key's value replaced by {@link censor}, at any depth
 * and inside arrays. Copies only what changes, never mutates the caller's object. Class
 * instances (errors, buffers) are left to pino's serializers and the free-text masking.
 */
export function redactKeys(value: unknown, depth = 0): unknown {
  if (depth > maxDepth) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const redacted = redactKeys(item, depth + 1);
      if (redacted !== item) (copy ??= [...(value as unknown[])])[index] = redacted;
    });
    return copy ?? value;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const redacted = isSensitiveKey(key) ? censor : redactKeys(item, depth + 1);
    if (redacted !== item) (copy ??= { ...value })[key] = redacted;
  }
  return copy ?? value;
}
