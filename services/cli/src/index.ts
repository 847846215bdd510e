/** The `clawback` operator CLI over the admin API. */
export { runCli } from './run-cli';
