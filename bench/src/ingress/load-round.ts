import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Admin } from '@clawback/kafka';
import { runChild } from '../pipeline/child-process';
import { BENCH_MERCHANT } from '../pipeline/merchants-file';
import { measureTreeCpu, type TreeCpu } from '../pipeline/process-tree-cpu';
import { recordsOn } from '../pipeline/topic-offsets';
import { nowMs } from '../stats/stopwatch';
import type { ClusterProcess } from './cluster-process';
import type { LoadRequest, LoadResult } from './load-request';

const LOAD_GENERATOR = resolve(__dirname, 'http-load.ts');

/** The shape of one load round. */
export interface LoadRoundShape {
  readonly connections: number;
  readonly warmUpSeconds: number;
  readonly durationSeconds: number;
  readonly poolSize: number;
  readonly seed: number;
}

/** What one round measured: the load generator's figures, the CPU of each server process. */
export interface MeasuredRound {
  readonly load: LoadResult;
  /** CPU of the primary and each worker in the timed window; null without /proc. */
  readonly cpu: TreeCpu | null;
  /** Records that landed on the topic during the round (warm-up and drain included). */
  readonly written: number;
  /** The machine's 1-minute load average as the round started. */
  readonly loadAverage1m: number;
}

/**
 * One timed load round against a running cluster with the same load generator and request
 * bytes whatever serves them: signed 2Checkout IPNs to the ingress's notification route, of
 * orders of the round's own (`round`), so every round's IPNs are new to the edge dedupe.
 */
export async function loadRound(
  admin: Admin,
  server: ClusterProcess,
  topic: string,
  shape: LoadRoundShape,
  round: number,
  log: (line: string) => void,
): Promise<MeasuredRound> {
  const loadAverage1m = loadavg()[0]!;
  const before = await recordsOn(admin, topic);
  let stop: (() => TreeCpu | null) | undefined;
  let cpu: TreeCpu | null = null;
  const request: LoadRequest = {
    url: `${server.url}/v1/notifications/2checkout/${BENCH_MERCHANT.id}`,
    connections: shape.connections,
    warmUpSeconds: shape.warmUpSeconds,
    durationSeconds: shape.durationSeconds,
    pool: {
      count: shape.poolSize,
      firstOrder: round * 1_000_000,
      seed: shape.seed + 100 * round,
      merchantId: BENCH_MERCHANT.id,
      secretKey: BENCH_MERCHANT.twoCheckoutSecret,
    },
  };
  const load: LoadResult = await runChild<LoadRequest, LoadResult>(LOAD_GENERATOR, request, {
    timeoutMs: 600_000,
    onProgress: log,
    onMark: (mark) => {
      if (mark === 'measuring') stop = measureTreeCpu(server.pid, nowMs);
      if (mark === 'done') cpu = stop?.() ?? null;
    },
  });
  const written = (await recordsOn(admin, topic)) - before;
  return { load, cpu, written, loadAverage1m };
}
