import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc; undefined once gone. */
function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** The direct children of `pid` (Linux's /proc/<pid>/task/<pid>/children). */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter((text) => text !== '')
      .map(Number);
  } catch {
    return [];
  }
}

/** CPU cores each process used over an interval (CPU seconds ÷ wall seconds). */
export interface TreeCpu {
  /** The process the tree was measured from (a cluster primary). */
  readonly rootCores: number;
  /** Its children at the start, in pid order (a cluster's workers). */
  readonly childCores: readonly number[];
  /** Root and children together. */
  readonly totalCores: number;
}

/**
 * Starts measuring the CPU of `pid` and its direct children from /proc (other processes'
 * figures, which `process.cpuUsage()` cannot give); call the result to read them. Null
 * where there is no /proc.
 */
export function measureTreeCpu(pid: number, nowMs: () => number): () => TreeCpu | null {
  const children = childPids(pid).sort((a, b) => a - b);
  const pids = [pid, ...children];
  const before = pids.map(cpuSeconds);
  const start = nowMs();
  return () => {
    const wallSeconds = (nowMs() - start) / 1000;
    const cores = pids.map((p, i) => {
      const now = cpuSeconds(p);
      const then = before[i];
      return now === undefined || then === undefined ? Number.NaN : (now - then) / wallSeconds;
    });
    if (cores.some(Number.isNaN)) return null;
    const [rootCores, ...childCores] = cores as [number, ...number[]];
    return { rootCores, childCores, totalCores: cores.reduce((a, b) => a + b, 0) };
  };
}
