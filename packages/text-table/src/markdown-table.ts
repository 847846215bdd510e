import type { Column } from './text-table';

/**
 * The same table as GitHub Markdown (for docs/performance.md): right-aligned columns get a
 * `---:` rule, and pipes inside cells are escaped so they cannot split a cell.
 */
export function markdownTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
  const line = (cells: readonly string[]): string => `| ${cells.map(escape).join(' | ')} |`;
  const rule = columns.map((column) => (column.align === 'right' ? '---:' : '---'));
  return [line(columns.map((column) => column.header)), line(rule), ...rows.map(line)].join('\n');
}
