import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '@clawback/config';
import { REPO_ROOT } from '../run/demo-run';
import { stopPid } from './stop-pid';

/** A process the demo starts: a service's entry point, or the demo's own receiver. */
export interface ProcessSpec {
  /** Short name, also the log file's name: `ingress` → `ingress.log`. */
  readonly name: string;
  /** Entry point, relative to the repository root, e.g. `services/ingress/src/main.ts`. */
  readonly main: string;
  /** Added to the demo's own environment. */
  readonly env: Env;
}

/** A started process, its output going to `logFile`. */
export interface ServiceProcess {
  readonly name: string;
  readonly main: string;
  readonly pid: number;
  readonly logFile: string;
  /** The exit code or signal, once it has exited. */
  exitStatus(): string | undefined;
  /** SIGTERM, then SIGKILL after `timeoutMs`. */
  stop(timeoutMs: number): Promise<'graceful' | 'killed'>;
  /** Lets the demo exit while the process keeps running (`--keep-running`). */
  detach(): void;
}

/**
 * Starts `spec.main` with `node --import tsx`, as `npm run <service>` does but without a
 * wrapper process, so the recorded pid is the service itself. It gets its own process group,
 * so a Ctrl-C in the terminal reaches only the demo, which then stops it cleanly.
 */
export function spawnService(spec: ProcessSpec, logDir: string): ServiceProcess {
  const logFile = join(logDir, `${spec.name}.log`);
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, spec.main)], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', log, log],
    detached: true,
  });
  closeSync(log);
  if (child.pid === undefined) throw new Error(`${spec.name} did not start`);
  const pid = child.pid;
  let status: string | undefined;
  child.once('exit', (code, signal) => (status = signal ?? `exit code ${code}`));
  child.once('error', (error) => (status = error.message));
  return {
    name: spec.name,
    main: spec.main,
    pid,
    logFile,
    exitStatus: () => status,
    stop: (timeoutMs) => stopPid(pid, timeoutMs),
    detach: () => child.unref(),
  };
}
