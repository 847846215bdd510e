import { rmSync } from 'node:fs';
import type { Component } from '../../../infra/src/component';
import type { PidRecord } from '../../../infra/src/process/process-ownership';
import { spawnDetached } from '../../../infra/src/process/spawn-detached';
import { isRunning, stopProcess } from '../../../infra/src/process/stop-process';
import { waitFor } from './wait-for';

/**
 * Prepares and starts one infra component (a broker, a registry) as a process of a test's own,
 * in `dir`, and waits until its probe answers. Resolves with the function that stops it and
 * removes `dir`; on a failed start it has already done both.
 */
export async function startThrowawayComponent(
  component: Component,
  dir: string,
  description: string,
): Promise<() => Promise<void>> {
  let record: PidRecord | undefined;
  const destroy = async (): Promise<void> => {
    if (record) await stopProcess(record, 20_000);
    record = undefined;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await component.prepare(() => undefined);
    const started = await spawnDetached(component.startCommand());
    record = started;
    await waitFor(
      async () => {
        if (!isRunning(started)) throw new Error(`${description} exited; see ${started.logFile}`);
        return component.probe();
      },
      { timeoutMs: 120_000, intervalMs: 250, description },
    );
  } catch (error) {
    await destroy();
    throw error;
  }
  return destroy;
}
