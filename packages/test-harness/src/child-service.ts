import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { builtEntryPoint } from './built-output';

/** The repository root: services are started from it, as `npm run` does. */
const root = resolve(__dirname, '../../..');

/** A service's entry point running as a child process. */
export interface ChildService {
  readonly child: ChildProcess;
  /** What it printed (stdout and stderr), or its last chunks when `keepChunks` is set. */
  output(): string;
  /** Resolves with the exit code, or the signal that ended it. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
  /** True once it has exited. */
  hasExited(): boolean;
  /** Sends `signal` (if still running) and resolves once it is gone. */
  stop(signal: NodeJS.Signals): Promise<number | NodeJS.Signals | null>;
}

/** Options for {@link startChildService}. */
export interface ChildServiceOptions {
  /** Keep only this many output chunks, for long runs that print a lot (default: keep all). */
  readonly keepChunks?: number;
  /**
   * Run the compiled entry point from dist/ with plain `node` instead of the source through tsx
   * (call `ensureBuilt()` first).
   */
  readonly built?: boolean;
  /**
   * Also append everything it prints to this file (directories created), so that a long run's
   * whole log survives for reading after a failure, whatever `keepChunks` keeps in memory.
   */
  readonly logFile?: string;
  /** Another checkout to run from (its dist/ and node_modules); default: this repository. */
  readonly cwd?: string;
}

/**
 * Starts `entryPoint` (a service's `main.ts`) in a single node process (`node --import tsx`, or
 * plain `node` on its compiled counterpart with `built`; no wrapper process that a SIGKILL would
 * leave orphaned), with `env` added to this process's environment.
 */
export function startChildService(
  entryPoint: string,
  env: Readonly<Record<string, string>>,
  options: ChildServiceOptions = {},
): ChildService {
  const args = options.built ? [builtEntryPoint(entryPoint)] : ['--import', 'tsx', entryPoint];
  const child = spawn(process.execPath, args, {
    cwd: options.cwd ?? root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  const keep = (chunk: Buffer): void => {
    chunks.push(chunk.toString());
    const limit = options.keepChunks;
    if (limit !== undefined && chunks.length > limit) chunks.splice(0, chunks.length - limit);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (options.logFile !== undefined) {
    mkdirSync(dirname(options.logFile), { recursive: true });
    const file = createWriteStream(options.logFile, { flags: 'a' });
    child.stdout?.pipe(file, { end: false });
    child.stderr?.pipe(file, { end: false });
    child.once('close', () => file.end());
  }
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
