import { isCliError } from './cli-error';
import { adminClient, type AdminClient } from './client/admin-client';
import { commandUsage, overallUsage } from './command-line/commands';
import type { Connection } from './command-line/invocation';
import { parseCommandLine } from './command-line/parse-command-line';
import { runRequest } from './commands/run-request';
import { realWaiting, type Waiting } from './commands/wait-for-outcome';

/** Where the CLI writes and what it may replace (tests give their own). */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly client?: (connection: Connection) => AdminClient;
  readonly waiting?: Waiting;
}

/**
 * `clawback <command> …`: parses, calls the admin API, prints, and returns the exit status
 * (0 ok, 1 usage, 2 refused, 3 unreachable or 5xx, 4 timed out; see the CliError codes).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const invocation = parseCommandLine(argv, io.env);
    if (invocation.kind === 'help') {
      io.out(invocation.command === undefined ? overallUsage() : commandUsage(invocation.command));
      return 0;
    }
    const client = (io.client ?? adminClient)(invocation.connection);
    io.out(
      await runRequest(
        invocation.request,
        client,
        invocation.connection.json,
        io.waiting ?? realWaiting,
      ),
    );
    return 0;
  } catch (error) {
    if (!isCliError(error)) throw error;
    io.err(`clawback: ${error.message}\n`);
    return error.exitCode;
  }
}
