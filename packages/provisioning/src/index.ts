export { provisionAll } from './provision-all';
