/** What `/proc/<pid>` says about a live process. */
export interface ProcessSnapshot {
  readonly pid: number;
  /** argv as the process shows it now (some programs, e.g. redis-server, rewrite it). */
  readonly cmdline: readonly string[];
  /** Start time in clock ticks since boot: a recycled pid has a different one. */
  readonly startTicks: number;
  /** One-letter state; `Z` is a zombie, already dead. */
  readonly state: string;
}

/** What `infra:up` remembers about a process it started. */
export interface PidRecord {
  readonly component: string;
  readonly pid: number;
  readonly startTicks: number;
  /** A string that must appear in the process's command line. */
  readonly marker: string;
  readonly address: string;
  readonly logFile: string;
  readonly startedAt: string;
}

/** Splits `/proc/<pid>/cmdline` (NUL-separated, NUL-terminated). */
export function parseCmdline(raw: string): readonly string[] {
  return raw.split('\0').filter((arg, i, all) => arg !== '' || i < all.length - 1);
}

/**
 * Reads state and start time from `/proc/<pid>/stat`. The command name in parentheses may
 * itself hold spaces and parentheses, so fields are counted from the last `)`.
 */
export function parseProcStat(raw: string): {
  readonly state: string;
  readonly startTicks: number;
} {
  const rest = raw
    .slice(raw.lastIndexOf(')') + 1)
    .trim()
    .split(/\s+/);
  // Fields 3 (state) and 22 (starttime) of proc(5), counted here from field 3.
  const state = rest[0] ?? '';
  const startTicks = Number(rest[19]);
  return { state, startTicks: Number.isSafeInteger(startTicks) ? startTicks : -1 };
}

/**
 * Whether `snapshot` is still the process `record` describes: alive, same start time (so
 * not a recycled pid) and still running our command line. Only such a process may be killed.
 */
export function isOwnedProcess(record: PidRecord, snapshot: ProcessSnapshot | undefined): boolean {
  return (
    snapshot !== undefined &&
    snapshot.pid === record.pid &&
    snapshot.state !== 'Z' &&
    snapshot.startTicks === record.startTicks &&
    snapshot.cmdline.join(' ').includes(record.marker)
  );
}
