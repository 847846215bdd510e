import type { Component, Progress } from '../component';
import type { InfraSettings } from '../config/settings';
import { readPidRecord, removePidRecord } from '../process/pid-records';
import { stopProcess } from '../process/stop-process';

/**
 * `infra:down`: stops exactly the processes `infra:up` recorded, in reverse start order.
 * Anything else (the machine's own Redis, a cluster started by hand) is never touched.
 */
export async function down(
  components: readonly Component[],
  settings: InfraSettings,
  progress: Progress,
): Promise<void> {
  const { runDir } = settings.paths;
  for (const component of [...components].reverse()) {
    const record = readPidRecord(runDir, component.name);
    if (!record) {
      progress(`${component.name}: nothing started by infra:up`);
      continue;
    }
    progress(`${component.name}: stopping pid ${record.pid}`);
    const outcome = await stopProcess(record, settings.stopTimeoutMs);
    removePidRecord(runDir, component.name);
    const how = {
      stopped: 'stopped',
      killed: 'killed (did not stop on SIGTERM in time)',
      gone: 'was no longer running',
    }[outcome];
    progress(`${component.name}: pid ${record.pid} ${how}`);
  }
}
