import { readProcessSnapshot } from './proc-reader';
import { type PidRecord, isOwnedProcess } from './process-ownership';
import { waitFor } from './wait-for';

/** How a stop ended. `gone`: the recorded process no longer runs (or its pid is someone else's). */
export type StopOutcome = 'stopped' | 'killed' | 'gone';

/** True while the recorded process still runs our command. */
export function isRunning(record: PidRecord): boolean {
  return isOwnedProcess(record, readProcessSnapshot(record.pid));
}

function signal(record: PidRecord, sig: NodeJS.Signals): void {
  // Checked right before signalling, so a pid recycled since the record was written is spared.
  if (!isRunning(record)) return;
  try {
    process.kill(record.pid, sig);
  } catch {
    // Exited between the check and the signal: nothing left to stop.
  }
}

/**
 * Stops the process `record` describes: SIGTERM (Kafka and Quarkus shut down cleanly on it),
 * then SIGKILL if it is still there after `timeoutMs`. Never signals a pid whose command line or
 * start time no longer match the record.
 */
export async function stopProcess(record: PidRecord, timeoutMs: number): Promise<StopOutcome> {
  if (!isRunning(record)) return 'gone';
  signal(record, 'SIGTERM');
  if (await waitFor(() => !isRunning(record), { timeoutMs, intervalMs: 200 })) return 'stopped';
  signal(record, 'SIGKILL');
  await waitFor(() => !isRunning(record), { timeoutMs: 10_000, intervalMs: 100 });
  return 'killed';
}
