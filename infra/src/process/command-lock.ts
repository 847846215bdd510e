import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import * as path from 'node:path';
import { InfraError } from '../infra-error';
import { readProcessSnapshot } from './proc-reader';
import type { ProcessSnapshot } from './process-ownership';
import { waitFor } from './wait-for';

/** Who holds the lock. */
export interface LockHolder {
  readonly pid: number;
  readonly startTicks: number;
}

/** A lock whose holder has exited (or whose pid now belongs to another process) is stale. */
export function isLockStale(holder: LockHolder, snapshot: ProcessSnapshot | undefined): boolean {
  return (
    snapshot === undefined || snapshot.state === 'Z' || snapshot.startTicks !== holder.startTicks
  );
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

function tryAcquire(file: string): boolean {
  try {
    const fd = openSync(file, 'wx');
    const self: LockHolder = {
      pid: process.pid,
      startTicks: readProcessSnapshot(process.pid)?.startTicks ?? -1,
    };
    writeSync(fd, JSON.stringify(self));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Runs `action` while holding `file`, so two `infra:up` (several engineers share one working
 * tree, and `npm test` starts with `infra:up`) never both start a broker on the same port. Waits
 * for a live holder; takes over from a dead one.
 */
export async function withCommandLock<T>(
  file: string,
  timeoutMs: number,
  onWait: (holder: LockHolder) => void,
  action: () => Promise<T>,
): Promise<T> {
  mkdirSync(path.dirname(file), { recursive: true });
  let announced = false;
  const acquired = await waitFor(
    () => {
      if (tryAcquire(file)) return true;
      const holder = readHolder(file);
      // A holder that has not written its pid yet is still starting: wait for it.
      if (holder && isLockStale(holder, readProcessSnapshot(holder.pid))) {
        rmSync(file, { force: true });
      } else if (holder && !announced) {
        announced = true;
        onWait(holder);
      }
      return false;
    },
    { timeoutMs, intervalMs: 250 },
  );
  if (!acquired) {
    throw new InfraError('not_ready', `another infra command still holds ${file}`, {
      retriable: true,
    });
  }
  try {
    return await action();
  } finally {
    rmSync(file, { force: true });
  }
}
