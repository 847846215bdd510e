import { randomBytes } from 'node:crypto';
import { freePorts } from '@clawback/test-harness';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (the services are started from it, as `npm run` does). */
export const REPO_ROOT = resolve(__dirname, '../../../..');

/** Where each demo run keeps its logs, merchants file and process record (git-ignored). */
export const RUNS_DIR = join(REPO_ROOT, 'services/demo/.runs');

/** Loopback ports of one run, chosen free at start so a run never collides with anything. */
interface DemoPorts {
  readonly ingress: number;
  readonly lifecycleOps: number;
  readonly cancellationsOps: number;
  /** commission-reversals serves its read API and health routes on one port. */
  readonly commissionsHttp: number;
  readonly receiver: number;
  /** The admin API and operator console (`/console`). */
  readonly admin: number;
}

/** One demo run: its own topics, groups, transactional ids and Redis keys, named after `id`. */
export interface DemoRun {
  /** `demo-<UTC date>-<time>-<random>`, e.g. `demo-20260302-091500-1a2b`. */
  readonly id: string;
  readonly dir: string;
  readonly ports: DemoPorts;
  /** The operator token of the run's admin service (printed with `--keep-running`). */
  readonly adminToken: string;
}

/** A fresh run id; every Kafka and Redis name of the run derives from it. */
export function newRunId(now: Date, random = randomBytes(2).toString('hex')): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `demo-${stamp}-${random}`;
}

/** Creates the run's folder and picks its ports. */
export async function createDemoRun(now = new Date()): Promise<DemoRun> {
  const id = newRunId(now);
  const dir = join(RUNS_DIR, id);
  mkdirSync(dir, { recursive: true });
  const [
    ingress = 0,
    lifecycleOps = 0,
    cancellationsOps = 0,
    commissionsHttp = 0,
    receiver = 0,
    admin = 0,
  ] = await freePorts(6);
  const ports: DemoPorts = {
    ingress,
    lifecycleOps,
    cancellationsOps,
    commissionsHttp,
    receiver,
    admin,
  };
  return { id, dir, ports, adminToken: `demo-${randomBytes(16).toString('hex')}` };
}
