import { resolve } from 'node:path';
import type { Env } from '@clawback/config';
import type { BareHttpMode } from './bare-http-server';
import { startClusterProcess, type ClusterProcess } from './cluster-process';
import { clusterProfilingFlags } from './ingress-cluster';

const ENTRY_POINT = resolve(__dirname, 'bare-http-server.ts');

/**
 * The ceiling rows' server: a `node:cluster` of `workers` plain `node:http` workers
 * (`bare-http-server.ts`, through tsx: it loads the code once, then costs nothing per request),
 * writing to `topic` in the produce modes.
 */
export function startBareHttpCluster(
  env: Env,
  mode: BareHttpMode,
  topic: string,
  workers: number,
): Promise<ClusterProcess> {
  return startClusterProcess({
    args: ['--import', 'tsx', ...clusterProfilingFlags(), ENTRY_POINT],
    cwd: resolve(__dirname, '../../..'),
    env: {
      ...env,
      BARE_HTTP_MODE: mode,
      BARE_HTTP_TOPIC: topic,
      BARE_HTTP_WORKERS: String(workers),
    },
    portVariable: 'BARE_HTTP_PORT',
    workers,
  });
}
