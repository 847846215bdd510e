import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isClawbackError } from '@clawback/errors';
import { down } from './commands/down';
import { status, formatStatus } from './commands/status';
import { up } from './commands/up';
import { allComponents } from './components';
import { settingsFromEnv } from './config/settings';
import { InfraError } from './infra-error';
import { withCommandLock } from './process/command-lock';
import { readLogTail } from './process/log-tail';

const startedAt = Date.now();

/** Progress lines carry the seconds since the command started, to see where time goes. */
const progress = (line: string): void => {
  const elapsed = ((Date.now() - startedAt) / 1000).toFixed(1).padStart(5);
  process.stdout.write(`[infra ${elapsed}s] ${line}\n`);
};

const USAGE = 'usage: tsx infra/src/cli.ts up|down|status [--brokers N] [--secure]';

/** The command and the settings the command line overrides. */
function parseCommandLine(argv: readonly string[]): {
  command: string | undefined;
  brokers: number | undefined;
  secure: boolean | undefined;
} {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { brokers: { type: 'string' }, secure: { type: 'boolean' } },
    });
  } catch (cause) {
    throw new InfraError('unknown_command', `${(cause as Error).message}; ${USAGE}`, { cause });
  }
  const text = parsed.values.brokers;
  if (text !== undefined && !/^\d+$/.test(text)) {
    throw new InfraError('invalid_config', `--brokers ${text}: expected a number of nodes`);
  }
  if (parsed.positionals.length > 1) throw new InfraError('unknown_command', USAGE);
  return {
    command: parsed.positionals[0],
    brokers: text === undefined ? undefined : Number(text),
    secure: parsed.values.secure,
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const { command, brokers, secure } = parseCommandLine(argv);
  const settings = settingsFromEnv(process.env, path.resolve(__dirname, '..'), {
    ...(brokers !== undefined && { brokers }),
    ...(secure !== undefined && { secure }),
  });
  const components = allComponents(settings, process.env);
  // up and down change what runs: one at a time. status only looks.
  const exclusively = (action: () => Promise<void>): Promise<void> =>
    withCommandLock(
      path.join(settings.paths.runDir, 'command.lock'),
      settings.startTimeoutMs * 2,
      (holder) => progress(`waiting for another infra command (pid ${holder.pid}) to finish`),
      action,
    );
  switch (command) {
    case 'up':
      await exclusively(() => up(components, settings, progress));
      return 0;
    case 'down':
      await exclusively(() => down(components, settings, progress));
      return 0;
    case 'status': {
      const rows = await status(components, settings);
      process.stdout.write(`${formatStatus(rows)}\n`);
      return rows.every((r) => r.answering) ? 0 : 1;
    }
    default:
      throw new InfraError('unknown_command', USAGE);
  }
}

function report(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const code = isClawbackError(error) ? ` [${error.code}]` : '';
  process.stderr.write(`[infra] FAILED${code}: ${message}\n`);
  if (error instanceof InfraError && error.logFile) {
    const tail = readLogTail(error.logFile, 40);
    process.stderr.write(`[infra] last lines of ${error.logFile}:\n${tail || '(empty)'}\n`);
  }
  if (error instanceof Error && error.cause instanceof Error) {
    process.stderr.write(`[infra] cause: ${error.cause.message}\n`);
  }
}

// Until main settles, a drained event loop (a promise nobody resolves) must not look like success.
process.exitCode = 1;
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    report(error);
    process.exitCode = 1;
  },
);
