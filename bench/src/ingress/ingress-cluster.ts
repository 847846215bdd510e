import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Env } from '@clawback/config';
import { ensureBuilt } from '@clawback/test-harness';
import { startClusterProcess, type ClusterProcess } from './cluster-process';

/** Where `BENCH_CPU_PROF=1` writes profiles: each worker writes its own `.cpuprofile`. */
const PROFILES_DIR = resolve(__dirname, '../../profiles');

/** The repository root, where `npm run build` writes dist/. */
const ROOT = resolve(__dirname, '../../..');

/** What `npm run start:ingress` runs. */
const BUILT_ENTRY_POINT = 'dist/services/ingress/src/main.js';

/** The ingress as an operator runs it: `npm run start:ingress`, a `node:cluster` primary. */
export type IngressCluster = ClusterProcess;

/**
 * Node's profiling flags when `BENCH_CPU_PROF=1`. cluster.fork() passes the primary's node
 * flags on, so every worker writes its own profile (node refuses --cpu-prof in NODE_OPTIONS).
 */
export function clusterProfilingFlags(): string[] {
  return process.env.BENCH_CPU_PROF === '1' ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES_DIR}`] : [];
}

/**
 * Builds dist/ if it is stale (`ensureBuilt`), then starts the compiled ingress
 * (`dist/services/ingress/src/main.js`, what `npm run start:ingress` runs: no tsx loader in
 * the workers) with `INGRESS_WORKERS` = `workers` on a free port, and waits until every
 * worker is up and `/readyz` answers.
 */
export async function startIngressCluster(
  env: Env,
  workers: number = availableParallelism(),
): Promise<IngressCluster> {
  ensureBuilt();
  return startClusterProcess({
    args: [...clusterProfilingFlags(), BUILT_ENTRY_POINT],
    cwd: ROOT,
    env: { ...env, INGRESS_WORKERS: String(workers) },
    portVariable: 'INGRESS_PORT',
    workers,
  });
}
