/**
 * `table[key]` for own keys only: provider strings such as `constructor` or `__proto__` must
 * not reach `Object.prototype`.
 */
export function lookup<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
