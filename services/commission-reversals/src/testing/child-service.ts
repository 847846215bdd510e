import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../../../..');
const main = resolve(__dirname, '../main.ts');

/** `npm run commissions` as a child process. */
export interface ChildService {
  readonly child: ChildProcess;
  /** The last things it printed (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code, or the signal that ended it. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
  hasExited(): boolean;
  /** Sends `signal` (if still running) and resolves once it is gone. */
  stop(signal: NodeJS.Signals): Promise<number | NodeJS.Signals | null>;
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
  const chunks: string[] = [];
  const keep = (chunk: Buffer): void => {
    chunks.push(chunk.toString());
    if (chunks.length > 300) chunks.splice(0, chunks.length - 300);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let done = false;
  const exited = new Promise<number | NodeJS.Signals | null>((resolveExit) =>
    child.once('exit', (code, signal) => {
      done = true;
      resolveExit(code ?? signal);
    }),
  );
  return {
    child,
    output: () => chunks.join(''),
    exited,
    hasExited: () => done,
    stop: (signal) => {
      if (!done) child.kill(signal);
      return exited;
    },
  };
}
