import type { Component, Progress } from '../component';
import type { InfraSettings } from '../config/settings';
import { readPidRecord, recordedComponents, removePidRecord } from '../process/pid-records';
import { stopProcess } from '../process/stop-process';

/**
 * The names to stop, in reverse start order; recorded processes the settings do not name (the
 * nodes of a cluster started with `--brokers 3`, brought down without it) go first.
 */
export function stopOrder(configured: readonly string[], recorded: readonly string[]): string[] {
  const extra = recorded.filter((name) => !configured.includes(name));
  return [...extra, ...[...configured].reverse()];
}

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
  const names = stopOrder(
    components.map((c) => c.name),
    recordedComponents(runDir),
  );
  for (const name of names) {
    const component = { name };
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
