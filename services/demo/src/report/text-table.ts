/** A column of a {@link textTable}: numbers right-aligned, text left-aligned. */
export interface Column {
  readonly header: string;
  readonly align: 'left' | 'right';
}

/**
 * A plain-text table: a header, a rule, the rows; columns padded to their widest cell, two
 * spaces apart, no trailing spaces. Plain ASCII, so it reads the same in any terminal and log.
 */
export function textTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
): string {
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, i) => {
        const cell = cells[i] ?? '';
        return column.align === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(columns.map((column) => column.header)), rule, ...rows.map(line)].join('\n');
}
