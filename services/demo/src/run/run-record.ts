import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUNS_DIR } from './demo-run';

/** A process of a run, as `--stop` finds it again. */
export interface RecordedProcess {
  readonly name: string;
  readonly pid: number;
  /** Entry point; `--stop` signals a pid only while its command line still names it. */
  readonly main: string;
  readonly logFile: string;
}

/** `run.json` in the run's folder: what a later `npm run demo -- --stop` needs. */
export interface RunRecord {
  readonly id: string;
  readonly startedAt: string;
  readonly ingressUrl: string;
  readonly readApiUrl: string;
  readonly processes: readonly RecordedProcess[];
  /** `running` while processes may be up, `stopped` once stopped and cleaned. */
  readonly state: 'running' | 'stopped';
}

const fileOf = (id: string) => join(RUNS_DIR, id, 'run.json');

/** Writes the run's record. */
export function saveRunRecord(record: RunRecord): void {
  writeFileSync(fileOf(record.id), `${JSON.stringify(record, null, 2)}\n`);
}

/** Every run whose processes may still be up, oldest first. */
export function runningRecords(): readonly RunRecord[] {
  if (!existsSync(RUNS_DIR)) return [];
  return readdirSync(RUNS_DIR)
    .sort()
    .map((id) => fileOf(id))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, 'utf8')) as RunRecord)
    .filter((record) => record.state === 'running');
}
