/**
 * How many of `items` share each key, in order of first appearance: lets a batch increment a
 * labelled counter once per label set instead of once per item.
 */
export function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
