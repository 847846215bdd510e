/** One `key=value` line of a Java properties file, in the order given. */
export type PropertyEntry = readonly [key: string, value: string | number | boolean];

/** Escapes what `java.util.Properties` would misread: backslashes, and `=`/`:`/spaces in keys. */
function escape(text: string, isKey: boolean): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  return isKey ? escaped.replace(/([=: ])/g, '\\$1') : escaped;
}

/** Renders a properties file; `header` lines become `#` comments. */
export function renderProperties(
  entries: readonly PropertyEntry[],
  header: readonly string[] = [],
): string {
  const comments = header.map((line) => `# ${line}`);
  const lines = entries.map(
    ([key, value]) => `${escape(key, true)}=${escape(String(value), false)}`,
  );
  return `${[...comments, ...lines].join('\n')}\n`;
}
