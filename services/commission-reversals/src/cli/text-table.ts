/** A column of a {@link textTable}. */
export interface Column {
  readonly header: string;
  /** Right-aligned (numbers) or left-aligned (text). */
  readonly align: 'left' | 'right';
}

/** Plain-text table: columns padded to their widest cell, two spaces apart, no trailing spaces. */
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
  return [line(columns.map((column) => column.header)), ...rows.map(line)].join('\n');
}
