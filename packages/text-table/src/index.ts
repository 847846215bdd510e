export { textTable, type Column, type TextTableOptions } from './text-table';
