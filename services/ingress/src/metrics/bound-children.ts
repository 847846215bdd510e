/**
 * A metric's child for each pair of label values, made on first use and kept: prom-client
 * otherwise validates and hashes the labels object on every `inc`/`observe`, which the ingress
 * does for every request. The label values must come from bounded sets (provider names,
 * outcome codes), as any Prometheus label's must.
 */
export function boundChildren<C>(make: (first: string, second: string) => C) {
  const children = new Map<string, Map<string, C>>();
  return (first: string, second: string): C => {
    let row = children.get(first);
    if (row === undefined) {
      row = new Map();
      children.set(first, row);
    }
    let child = row.get(second);
    if (child === undefined) {
      child = make(first, second);
      row.set(second, child);
    }
    return child;
  };
}
