import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PidRecord } from './process-ownership';

const recordFile = (runDir: string, component: string): string =>
  path.join(runDir, `${component}.json`);

/** The record `infra:up` wrote for `component`, if any (an unreadable file counts as none). */
export function readPidRecord(runDir: string, component: string): PidRecord | undefined {
  try {
    return JSON.parse(readFileSync(recordFile(runDir, component), 'utf8')) as PidRecord;
  } catch {
    return undefined;
  }
}

/** Writes the record through a temp file renamed into place, so a reader never sees half. */
export function writePidRecord(runDir: string, record: PidRecord): void {
  mkdirSync(runDir, { recursive: true });
  const target = recordFile(runDir, record.component);
  writeFileSync(`${target}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(`${target}.tmp`, target);
}

/** Forgets `component`'s process. */
export function removePidRecord(runDir: string, component: string): void {
  rmSync(recordFile(runDir, component), { force: true });
}

/** The components that have a record in `runDir` (none when it does not exist). */
export function recordedComponents(runDir: string): readonly string[] {
  try {
    return readdirSync(runDir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.slice(0, -'.json'.length))
      .sort();
  } catch {
    return [];
  }
}
