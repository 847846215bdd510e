/** A table for the terminal and for Markdown: a title, headers and rows of cells. */
export interface BenchTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

function widths(table: BenchTable): number[] {
  return table.columns.map((header, i) =>
    Math.max(header.length, ...table.rows.map((row) => (row[i] ?? '').length)),
  );
}

// Figures are right-aligned so digits line up; text (the first column) stays left-aligned.
const looksNumeric = (cell: string): boolean => /^[-+]?[\d.,]+\s*[%×a-zA-Zµ/]*$/.test(cell);

function pad(cell: string, width: number): string {
  return looksNumeric(cell) ? cell.padStart(width) : cell.padEnd(width);
}

/** The table as aligned plain text, for the terminal. */
export function renderText(table: BenchTable): string {
  const w = widths(table);
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => pad(cell, w[i]!))
      .join('  ')
      .trimEnd();
  const rule = w.map((n) => '-'.repeat(n)).join('  ');
  return [table.title, line(table.columns), rule, ...table.rows.map(line)].join('\n');
}

/** The table as GitHub Markdown, for docs/performance.md. */
export function renderMarkdown(table: BenchTable): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
  const row = (cells: readonly string[]): string => `| ${cells.map(escape).join(' | ')} |`;
  const align = table.columns.map((_, i) =>
    i > 0 && table.rows.every((r) => looksNumeric(r[i] ?? '')) ? '---:' : '---',
  );
  return [`**${table.title}**`, '', row(table.columns), row(align), ...table.rows.map(row)].join(
    '\n',
  );
}
