export { textTable, type Column } from './text-table';
