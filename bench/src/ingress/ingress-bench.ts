import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Benchmark, BenchOutcome, BenchRunOptions } from '../benchmark';
import { openBenchEnvironment, type BenchEnvironment } from '../pipeline/bench-environment';
import { runChild } from '../pipeline/child-process';
import { ipnPool } from '../pipeline/ipn-pool';
import { BENCH_MERCHANT, writeMerchantsFile } from '../pipeline/merchants-file';
import { measureTreeCpu, type TreeCpu } from '../pipeline/process-tree-cpu';
import { rawMessages } from '../pipeline/raw-records';
import { recordsOn } from '../pipeline/topic-offsets';
import { nowMs } from '../stats/stopwatch';
import { bareProducerRun, type BareProducerFigures } from './bare-producer';
import { startIngressCluster, type IngressCluster } from './ingress-cluster';
import { ingressFigures, ingressTables, type IngressRound } from './ingress-report';
import type { LoadRequest, LoadResult } from './load-request';

const LOAD_GENERATOR = resolve(__dirname, 'http-load.ts');

/** The run's shape; `quick` only checks the code paths. */
function ingressParameters(quick: boolean) {
  return {
    connections: quick ? 16 : 64,
    rounds: quick ? 1 : 3,
    warmUpSeconds: quick ? 1 : 3,
    durationSeconds: quick ? 3 : 15,
    poolSize: quick ? 5_000 : 80_000,
    baselineSeconds: quick ? 2 : 10,
    ceilingBatchSize: 200,
    ceilingSeconds: quick ? 2 : 10,
    baselineDistinctRecords: quick ? 500 : 5_000,
    seed: 3,
  };
}

type Parameters = ReturnType<typeof ingressParameters>;

/** One timed load round against the running cluster, with the CPU of each of its processes. */
async function loadRound(
  env: BenchEnvironment,
  cluster: IngressCluster,
  p: Parameters,
  round: number,
  log: (line: string) => void,
): Promise<Omit<IngressRound, 'baselineBefore' | 'baselineAfter'>> {
  const topic = env.topics.notificationsRaw;
  const loadAverage1m = loadavg()[0]!;
  const rawBefore = await recordsOn(env.admin, topic);
  let stop: (() => TreeCpu | null) | undefined;
  let cpu: TreeCpu | null = null;
  const request: LoadRequest = {
    url: `${cluster.url}/v1/notifications/2checkout/${BENCH_MERCHANT.id}`,
    connections: p.connections,
    warmUpSeconds: p.warmUpSeconds,
    durationSeconds: p.durationSeconds,
    // Orders of its own per round: every round's IPNs are new to the edge dedupe.
    pool: {
      count: p.poolSize,
      firstOrder: round * 1_000_000,
      seed: p.seed + 100 * round,
      merchantId: BENCH_MERCHANT.id,
      secretKey: BENCH_MERCHANT.twoCheckoutSecret,
    },
  };
  const load: LoadResult = await runChild<LoadRequest, LoadResult>(LOAD_GENERATOR, request, {
    timeoutMs: 600_000,
    onProgress: log,
    onMark: (mark) => {
      if (mark === 'measuring') stop = measureTreeCpu(cluster.pid, nowMs);
      if (mark === 'done') cpu = stop?.() ?? null;
    },
  });
  const written = (await recordsOn(env.admin, topic)) - rawBefore;
  return { load, cpu, written, loadAverage1m };
}

async function measure(options: BenchRunOptions): Promise<BenchOutcome> {
  const p = ingressParameters(options.quick);
  const env = await openBenchEnvironment('ingress', {
    topics: ['notificationsRaw'],
    registerRawSchema: true,
  });
  const merchants = await writeMerchantsFile();
  try {
    const topic = env.topics.notificationsRaw;
    const pool = {
      count: p.baselineDistinctRecords,
      seed: p.seed + 1,
      merchantId: BENCH_MERCHANT.id,
      secretKey: BENCH_MERCHANT.twoCheckoutSecret,
    };
    const messages = await rawMessages(
      env.registry,
      topic,
      ipnPool(pool),
      BENCH_MERCHANT.id,
      Date.now(),
    );
    const baseline = (batchSize: number, seconds: number) =>
      bareProducerRun(env.kafka, { topic, messages, batchSize, durationMs: seconds * 1000 });

    options.log(`baseline: bare producer, batches of ${p.connections} (${p.baselineSeconds} s)`);
    const baselines: BareProducerFigures[] = [await baseline(p.connections, p.baselineSeconds)];
    const cluster = await startIngressCluster(
      // At the default level, as an operator runs it.
      env.env({ CLAWBACK_MERCHANTS_FILE: merchants.path, LOG_LEVEL: 'info' }),
    );
    options.log(`ingress: ${cluster.workers} workers (node:cluster) on ${cluster.url}`);
    const rounds: IngressRound[] = [];
    let shutdownExit: number | NodeJS.Signals | null;
    try {
      for (let round = 1; round <= p.rounds; round++) {
        options.log(
          `round ${round}/${p.rounds}: ingress, ${p.connections} connections, ` +
            `${p.warmUpSeconds} s warm-up + ${p.durationSeconds} s; then the baseline again`,
        );
        const measured = await loadRound(env, cluster, p, round, options.log);
        if (round === p.rounds) {
          shutdownExit = await cluster.stop();
        }
        baselines.push(await baseline(p.connections, p.baselineSeconds));
        rounds.push({
          ...measured,
          baselineBefore: baselines[round - 1]!,
          baselineAfter: baselines[round]!,
        });
      }
    } finally {
      shutdownExit ??= await cluster.stop();
    }
    options.log(`the ceiling: batches of ${p.ceilingBatchSize} (${p.ceilingSeconds} s)`);
    const ceiling = await baseline(p.ceilingBatchSize, p.ceilingSeconds);
    const figures = ingressFigures({ workers: cluster.workers, rounds, ceiling, shutdownExit });
    return {
      parameters: {
        ...p,
        workers: cluster.workers,
        ingress:
          'dist/services/ingress/src/main.js (npm run start:ingress), INGRESS_WORKERS = cores',
        provider: '2checkout',
        signatures: 'sha3-256 + sha256 + md5',
        partitions: env.partitions,
      },
      figures,
      tables: ingressTables(figures, p.connections),
      notes: rounds.some((r) => r.load.poolWrapped)
        ? ['the pool ran out: later requests were duplicates the ingress deduped']
        : [],
    };
  } finally {
    await merchants.remove();
    await env.dispose();
  }
}

/** `npm run bench -- ingress`: signed IPNs over HTTP against a bare producer, same run. */
export const ingressBenchmark: Benchmark = {
  name: 'ingress',
  summary:
    'signed 2Checkout IPNs over HTTP at full speed to the ingress cluster (a worker per core) vs a bare idempotent kafkajs producer',
  needsInfrastructure: true,
  run: measure,
};
