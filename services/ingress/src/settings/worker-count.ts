import { availableParallelism } from 'node:os';
import { ConfigError, type Env } from '@clawback/config';

/** The most workers `INGRESS_WORKERS` may ask for. */
export const MAX_INGRESS_WORKERS = 256;

/**
 * `INGRESS_WORKERS`: how many ingress processes share the port (`node:cluster`). Default: the
 * cores available to this process; `1` runs the ingress in this process, without a cluster.
 */
export function loadWorkerCount(env: Env, cores: number = availableParallelism()): number {
  const text = env.INGRESS_WORKERS?.trim();
  if (text === undefined || text === '') return Math.max(1, Math.min(cores, MAX_INGRESS_WORKERS));
  const count = Number(text);
  if (!/^\d+$/.test(text) || count < 1 || count > MAX_INGRESS_WORKERS)
    throw new ConfigError(
      'config_invalid',
      'INGRESS_WORKERS',
      `"${text}" is not an integer from 1 to ${MAX_INGRESS_WORKERS}`,
    );
  return count;
}
