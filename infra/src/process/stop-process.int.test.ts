import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readProcessSnapshot } from './proc-reader';
import { spawnDetached } from './spawn-detached';
import { isRunning, stopProcess } from './stop-process';
import { waitFor } from './wait-for';

// Real processes, no network: what `infra:down` relies on to kill only its own.
describe('stopProcess', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clawback-infra-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // GNU sleep adds up its operands, so the second one serves as a per-test marker.
  const startSleeper = (marker: string) =>
    spawnDetached({
      component: 'sleeper',
      command: 'sleep',
      args: ['300', marker],
      marker,
      address: '-',
      logFile: path.join(dir, 'sleeper.log'),
      cwd: dir,
    });

  it('stops the process it started', async () => {
    const record = await startSleeper('1');
    expect(isRunning(record)).toBe(true);
    await expect(stopProcess(record, 10_000)).resolves.toBe('stopped');
    expect(isRunning(record)).toBe(false);
  });

  it('never signals a process whose start time differs from the record (recycled pid)', async () => {
    const record = await startSleeper('2');
    try {
      const impostor = { ...record, startTicks: record.startTicks + 1 };
      await expect(stopProcess(impostor, 1_000)).resolves.toBe('gone');
      expect(isRunning(record)).toBe(true);
    } finally {
      await stopProcess(record, 10_000);
    }
  });

  it('never signals a process whose command line lacks the marker', async () => {
    const record = await startSleeper('3');
    try {
      const other = { ...record, marker: '-Dclawback.infra=kafka' };
      await expect(stopProcess(other, 1_000)).resolves.toBe('gone');
      expect(readProcessSnapshot(record.pid)).toBeDefined();
    } finally {
      await stopProcess(record, 10_000);
      await waitFor(() => !isRunning(record), { timeoutMs: 10_000 });
    }
  });
});
