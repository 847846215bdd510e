export { runCli, type CliIo } from './run-cli';
export { CliError, isCliError, type CliErrorCode } from './cli-error';
export { parseCommandLine, DEFAULT_ADMIN_URL } from './command-line/parse-command-line';
export type { Connection, Invocation, Request } from './command-line/invocation';
export { money } from './render/money';
