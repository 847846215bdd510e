import { textTable, type Column } from '@clawback/text-table';

/** A table for the terminal and for Markdown: a title, headers and rows of cells. */
export interface BenchTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

// Figures are right-aligned so digits line up; text (the first column) stays left-aligned.
const looksNumeric = (cell: string): boolean => /^[-+]?[\d.,]+\s*[%×a-zA-Zµ/]*$/.test(cell);

/** Columns after the first whose every cell is a figure are right-aligned. */
function numericColumn(table: BenchTable, index: number): boolean {
  return index > 0 && table.rows.every((row) => looksNumeric(row[index] ?? ''));
}

/** The table as aligned plain text under its title, for the terminal. */
export function renderText(table: BenchTable): string {
  const columns: Column[] = table.columns.map((header, i) => ({
    header,
    align: numericColumn(table, i) ? 'right' : 'left',
  }));
  return [table.title, textTable(columns, table.rows, { headerRule: true })].join('\n');
}

/** The table as GitHub Markdown, for docs/performance.md. */
export function renderMarkdown(table: BenchTable): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
  const row = (cells: readonly string[]): string => `| ${cells.map(escape).join(' | ')} |`;
  const align = table.columns.map((_, i) => (numericColumn(table, i) ? '---:' : '---'));
  return [`**${table.title}**`, '', row(table.columns), row(align), ...table.rows.map(row)].join(
    '\n',
  );
}
