import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadConfig } from '@clawback/config';
import { cleanRun } from './infra/clean-run';
import { isAlive, stopPid } from './processes/stop-pid';
import type { Progress } from './progress';
import { type RecordedProcess, runningRecords, saveRunRecord } from './run/run-record';

/** The command line of a process, or undefined when it is gone. */
function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    try {
      return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
    } catch {
      return undefined;
    }
  }
}

/** True while `pid` is still the process the demo started (pids get reused). */
const stillOurs = (child: RecordedProcess): boolean =>
  isAlive(child.pid) && (commandLine(child.pid)?.includes(child.main) ?? false);

/**
 * `npm run demo -- --stop`: stops the processes of every run left running by `--keep-running`
 * (SIGTERM, so they finish cleanly) and deletes those runs' topics, groups and Redis keys.
 * Signals only pids whose command line still names the entry point the demo started.
 */
export async function stopKeptRuns(progress: Progress): Promise<void> {
  const records = runningRecords();
  if (records.length === 0) {
    progress('no demo run is running');
    return;
  }
  const config = loadConfig(['kafka', 'redis'], process.env);
  for (const record of records) {
    const stop = async (child: RecordedProcess) => {
      if (!stillOurs(child)) return;
      const how = await stopPid(child.pid, 30_000);
      progress(
        `run ${record.id}: stopped ${child.name} (pid ${child.pid}${how === 'killed' ? ', killed' : ''})`,
      );
    };
    // The ingress first, so nothing new comes in; then the others together.
    for (const child of record.processes.filter((p) => p.name === 'ingress')) await stop(child);
    await Promise.all(record.processes.filter((p) => p.name !== 'ingress').map(stop));
    const problems = await cleanRun(record.id, config);
    for (const problem of problems)
      progress(`run ${record.id}: could not clean up everything: ${problem}`);
    saveRunRecord({ ...record, state: 'stopped' });
    progress(`run ${record.id}: stopped; its topics, consumer groups and Redis keys are deleted`);
  }
}
