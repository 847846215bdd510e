import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { InfraError } from '../infra-error';
import { waitFor } from './wait-for';
import { readProcessSnapshot } from './proc-reader';
import type { PidRecord } from './process-ownership';

/** What to start, and how to recognise it later. */
export interface DetachedCommand {
  readonly component: string;
  readonly command: string;
  readonly args: readonly string[];
  /** Must appear in the running process's command line (see {@link PidRecord.marker}). */
  readonly marker: string;
  readonly address: string;
  readonly logFile: string;
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Starts `cmd` in its own session with its output in its log file, so it outlives the
 * npm script that started it, and returns the record that identifies it later.
 */
export async function spawnDetached(cmd: DetachedCommand): Promise<PidRecord> {
  mkdirSync(path.dirname(cmd.logFile), { recursive: true });
  // One log per start, so a failure's tail is about this start; the previous one is kept as .1.
  if (existsSync(cmd.logFile)) renameSync(cmd.logFile, `${cmd.logFile}.1`);
  const fd = openSync(cmd.logFile, 'w');
  writeSync(fd, `\n--- ${new Date().toISOString()} ${cmd.command} ${cmd.args.join(' ')}\n`);
  try {
    const child = spawn(cmd.command, [...cmd.args], {
      cwd: cmd.cwd,
      env: cmd.env ?? process.env,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    }).catch((cause: unknown) => {
      throw new InfraError('start_failed', `${cmd.component}: cannot run ${cmd.command}`, {
        cause,
        logFile: cmd.logFile,
      });
    });
    child.unref();
    const pid = child.pid ?? -1;
    // The start time identifies this process for good, whatever later reuses its pid.
    let startTicks = -1;
    await waitFor(
      () => {
        startTicks = readProcessSnapshot(pid)?.startTicks ?? -1;
        return startTicks >= 0;
      },
      { timeoutMs: 2000, intervalMs: 20 },
    );
    return {
      component: cmd.component,
      pid,
      startTicks,
      marker: cmd.marker,
      address: cmd.address,
      logFile: cmd.logFile,
      startedAt: new Date().toISOString(),
    };
  } finally {
    closeSync(fd);
  }
}
