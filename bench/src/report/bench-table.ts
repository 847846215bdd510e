import { markdownTable, textTable, type Column } from '@clawback/text-table';

/** A table for the terminal and for Markdown: a title, headers and rows of cells. */
export interface BenchTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

// Figures are right-aligned so digits line up; text (the first column) stays left-aligned.
const looksNumeric = (cell: string): boolean => /^[-+]?[\d.,]+\s*[%×a-zA-Zµ/]*$/.test(cell);

/** The columns, those after the first whose every cell is a figure right-aligned. */
function columnsOf(table: BenchTable): Column[] {
  return table.columns.map((header, i) => ({
    header,
    align: i > 0 && table.rows.every((row) => looksNumeric(row[i] ?? '')) ? 'right' : 'left',
  }));
}

/** The table as aligned plain text under its title, for the terminal. */
export function renderText(table: BenchTable): string {
  return [table.title, textTable(columnsOf(table), table.rows, { headerRule: true })].join('\n');
}

/** The table as GitHub Markdown under its title in bold, for docs/performance.md. */
export function renderMarkdown(table: BenchTable): string {
  return [`**${table.title}**`, '', markdownTable(columnsOf(table), table.rows)].join('\n');
}
