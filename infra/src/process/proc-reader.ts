import { readFileSync } from 'node:fs';
import { type ProcessSnapshot, parseCmdline, parseProcStat } from './process-ownership';

/** Reads `/proc/<pid>` (Linux); undefined when no such process exists. */
export function readProcessSnapshot(pid: number): ProcessSnapshot | undefined {
  try {
    const stat = parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    const cmdline = parseCmdline(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    return { pid, cmdline, ...stat };
  } catch {
    return undefined;
  }
}
