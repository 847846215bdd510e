import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** `main.ts`, run as its own process exactly as `npm run lifecycle` does (without npm). */
const mainPath = resolve(__dirname, '../main.ts');

/** An order-lifecycle consumer in a child process. */
export interface ChildConsumer {
  readonly process: ChildProcess;
  /** Everything it printed (for failure messages). */
  output(): string;
  /** Sends `signal` and resolves with the exit code (or signal) once the process is gone. */
  stop(signal: NodeJS.Signals): Promise<number | NodeJS.Signals>;
}

/**
 * Starts `node --import tsx main.ts` with `env` (one process: killing it kills the consumer,
 * with no wrapper left behind to relay signals).
 */
export function startChildConsumer(env: NodeJS.ProcessEnv): ChildConsumer {
  const child = spawn(process.execPath, ['--import', 'tsx', mainPath], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  const keep = (data: Buffer): void => {
    chunks.push(data.toString());
    if (chunks.length > 400) chunks.splice(0, chunks.length - 400);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | NodeJS.Signals>((done) => {
    child.once('exit', (code, signal) => done(code ?? signal ?? -1));
  });
  return {
    process: child,
    output: () => chunks.join(''),
    stop: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
