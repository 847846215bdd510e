import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../../../..');
const main = resolve(__dirname, '../main.ts');

/** `npm run cancellations` as a child process. */
export interface ChildService {
  readonly child: ChildProcess;
  /** Everything it printed (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code, or the signal that ended it. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
  /** True once it has exited. */
  hasExited(): boolean;
}

/**
 * Starts the service's entry point in a single node process (`node --import tsx`, no wrapper
 * process that a SIGKILL would leave orphaned), with `env` added to this process's environment.
 */
export function startChildService(env: Readonly<Record<string, string>>): ChildService {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let done = false;
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolveExit) =>
    child.once('exit', (code, signal) => {
      done = true;
      resolveExit(code ?? signal);
    }),
  );
  return { child, output: () => output, exited, hasExited: () => done };
}
