import type { Component } from '../component';
import type { InfraSettings } from '../config/settings';
import { readPidRecord } from '../process/pid-records';
import { isRunning } from '../process/stop-process';

/** One line of `infra:status`. */
export interface StatusRow {
  readonly component: string;
  /** `pid 123`, `external` (answering, not ours) or `-`. */
  readonly owner: string;
  readonly address: string;
  readonly answering: boolean;
}

/** Formats rows as an aligned table. */
export function formatStatus(rows: readonly StatusRow[]): string {
  const cells = [
    ['component', 'process', 'address', 'answering'],
    ...rows.map((r) => [r.component, r.owner, r.address, r.answering ? 'yes' : 'NO']),
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...cells.map((c) => (c[i] ?? '').length)));
  return cells
    .map((c) =>
      c
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `infra:status`: what runs where; the rows, so the caller can set the exit code. */
export async function status(
  components: readonly Component[],
  settings: InfraSettings,
): Promise<readonly StatusRow[]> {
  return Promise.all(
    components.map(async (component): Promise<StatusRow> => {
      const record = readPidRecord(settings.paths.runDir, component.name);
      const ours = record !== undefined && isRunning(record);
      const answering = await component.probe();
      const owner = ours ? `pid ${record.pid}` : answering ? 'external' : '-';
      return { component: component.name, owner, address: component.address, answering };
    }),
  );
}
