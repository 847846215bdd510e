import { parseArgs } from 'node:util';
import { CliError } from '../cli-error';
import {
  COMMAND_NAMES,
  COMMANDS,
  commandUsage,
  overallUsage,
  type CommandName,
  type CommandOption,
} from './commands';
import type { CaseStatusFilter, Connection, Invocation, Request } from './invocation';

/** Where the API is when neither `--url` nor `CLAWBACK_ADMIN_URL` says. */
export const DEFAULT_ADMIN_URL = 'http://127.0.0.1:8090';
/** How long `resolve` waits for the outcome unless `--timeout` says. */
export const DEFAULT_TIMEOUT_MS = 30_000;

const OPTIONS = {
  json: { type: 'boolean' },
  token: { type: 'string' },
  url: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  reason: { type: 'string' },
  merchant: { type: 'string' },
  status: { type: 'string' },
  order: { type: 'string' },
  timeout: { type: 'string' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

const isCommand = (name: string | undefined): name is CommandName =>
  (COMMAND_NAMES as readonly string[]).includes(name ?? '');

/**
 * Parses `clawback <command> [arguments] [options]` with `node:util` `parseArgs`: one option
 * table for all commands (an option means the same wherever it is allowed), then the command's
 * own rules. `env` supplies `CLAWBACK_ADMIN_URL` and `CLAWBACK_TOKEN`.
 *
 * @throws CliError `usage` naming the problem, followed by the command's usage
 */
export function parseCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Invocation {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
    }));
  } catch (cause) {
    const named = argv.find((arg) => isCommand(arg));
    throw usage((cause as Error).message, isCommand(named) ? named : undefined, cause);
  }
  const [first, ...rest] = positionals;
  if (first === 'help') {
    const topic = rest[0];
    if (topic !== undefined && !isCommand(topic)) throw usage(`unknown command "${topic}"`);
    return { kind: 'help', command: topic };
  }
  if (first === undefined) {
    if (values.help) return { kind: 'help', command: undefined };
    throw usage('no command given');
  }
  if (!isCommand(first)) throw usage(`unknown command "${first}"`);
  if (values.help) return { kind: 'help', command: first };
  const allowed: readonly CommandOption[] = COMMANDS[first].options;
  for (const option of ['reason', 'merchant', 'status', 'order', 'timeout'] as const) {
    if (values[option] !== undefined && !allowed.includes(option)) {
      throw usage(`${first} takes no --${option}`, first);
    }
  }
  return {
    kind: 'run',
    request: requestOf(first, rest, values),
    connection: connectionOf(values, env, first),
  };
}

function requestOf(command: CommandName, args: readonly string[], values: Values): Request {
  const arity = (min: number, max: number, names: string): void => {
    if (args.length < min) throw usage(`${command} needs ${names}`, command);
    if (args.length > max) throw usage(`unexpected argument "${args[max]}"`, command);
  };
  switch (command) {
    case 'order':
      arity(1, 1, 'an order key');
      return { command, orderKey: args[0]! };
    case 'case':
      arity(1, 1, 'a case id');
      return { command, caseId: args[0]! };
    case 'cases': {
      arity(0, 0, '');
      const status = statusOf(values.status);
      return {
        command,
        filter: {
          ...(values.reason !== undefined && { reason: values.reason }),
          ...(values.merchant !== undefined && { merchant: values.merchant }),
          ...(status !== undefined && { status }),
          ...(values.order !== undefined && { orderKey: values.order }),
        },
      };
    }
    case 'resolve': {
      arity(2, 3, 'a case id and a resolution (apply, attach <orderKey> or dismiss)');
      const [caseId, resolution, target] = args as [string, string, string | undefined];
      const reason = reasonOf(values.reason, command);
      const timeoutMs = timeoutOf(values.timeout);
      if (resolution === 'attach') {
        if (target === undefined) throw usage('attach needs the order key to attach to', command);
        return { command, caseId, resolution, orderKey: target, reason, timeoutMs };
      }
      if (resolution !== 'apply' && resolution !== 'dismiss') {
        throw usage(`unknown resolution "${resolution}" (apply, attach or dismiss)`, command);
      }
      if (target !== undefined) throw usage(`${resolution} takes no order key`, command);
      return { command, caseId, resolution, reason, timeoutMs };
    }
    case 'dlq': {
      arity(0, 1, '');
      const queue = args[0];
      if (queue === undefined) return { command };
      if (queue !== 'raw' && queue !== 'cancellations') {
        throw usage(`unknown queue "${queue}" (raw or cancellations)`, command);
      }
      return { command, queue };
    }
    case 'redrive':
      arity(1, 1, 'a dead letter id');
      return { command, deadLetterId: args[0]!, reason: reasonOf(values.reason, command) };
  }
}

function statusOf(text: string | undefined): CaseStatusFilter | undefined {
  if (text === undefined) return undefined;
  if (text === 'open' || text === 'resolved' || text === 'dismissed') return text;
  throw usage(`--status ${text}: expected open, resolved or dismissed`, 'cases');
}

function reasonOf(text: string | undefined, command: CommandName): string {
  const reason = text?.trim() ?? '';
  if (reason.length === 0)
    throw usage(`${command} needs --reason "…" (why, for the record)`, command);
  if (reason.length > 500)
    throw usage(`--reason is ${reason.length} characters; at most 500`, command);
  return reason;
}

function timeoutOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_TIMEOUT_MS;
  if (!/^\d{1,6}(\.\d{1,3})?$/.test(text) || Number(text) <= 0) {
    throw usage(`--timeout ${text}: expected a number of seconds above 0`, 'resolve');
  }
  return Math.round(Number(text) * 1000);
}

function connectionOf(
  values: Values,
  env: Readonly<Record<string, string | undefined>>,
  command: CommandName,
): Connection {
  const text = values.url ?? (env.CLAWBACK_ADMIN_URL || DEFAULT_ADMIN_URL);
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    throw usage(`admin URL "${text}" is not a URL`, command, cause);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usage(`admin URL "${text}" is not http(s)`, command);
  }
  const token = values.token ?? (env.CLAWBACK_TOKEN || undefined);
  return { baseUrl: url.href.replace(/\/+$/, ''), token, json: values.json === true };
}

function usage(problem: string, command?: CommandName, cause?: unknown): CliError {
  const text = command === undefined ? overallUsage() : commandUsage(command);
  return new CliError('usage', `${problem}\n\n${text}`, { cause });
}
