export { textTable, type Column } from './text-table';
export { markdownTable } from './markdown-table';
