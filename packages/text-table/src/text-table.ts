/** A column of a {@link textTable}: numbers right-aligned, text left-aligned. */
export interface Column {
  readonly header: string;
  readonly align: 'left' | 'right';
}

/** How a {@link textTable} is drawn. */
export interface TextTableOptions {
  /** A line of dashes under the header (the demo's reports); off for the ledger command. */
  readonly headerRule?: boolean;
}

/**
 * A plain-text table: a header, an optional rule, the rows; columns padded to their widest cell,
 * two spaces apart, no trailing spaces. Plain ASCII, so it reads the same in any terminal and log.
 */
export function textTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  options: TextTableOptions = {},
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
  const header = line(columns.map((column) => column.header));
  const rule = options.headerRule ? [widths.map((width) => '-'.repeat(width)).join('  ')] : [];
  return [header, ...rule, ...rows.map(line)].join('\n');
}
