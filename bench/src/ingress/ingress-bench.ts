import type { Benchmark, BenchOutcome, BenchRunOptions } from '../benchmark';
import { openBenchEnvironment } from '../pipeline/bench-environment';
import { ipnPool } from '../pipeline/ipn-pool';
import { BENCH_MERCHANT, writeMerchantsFile } from '../pipeline/merchants-file';
import { rawMessages } from '../pipeline/raw-records';
import { bareProducerRun, type BareProducerFigures } from './bare-producer';
import { BARE_HTTP_TOPIC, httpCeilings } from './http-ceilings';
import { startIngressCluster } from './ingress-cluster';
import { ingressFigures, ingressTables, type IngressRound } from './ingress-report';
import { loadRound } from './load-round';

/** The run's shape; `quick` only checks the code paths. */
function ingressParameters(quick: boolean) {
  return {
    connections: quick ? 16 : 64,
    rounds: quick ? 1 : 3,
    warmUpSeconds: quick ? 1 : 3,
    durationSeconds: quick ? 3 : 15,
    // Distinct IPNs per ingress round: more than a round sends, or repeats are answered by the
    // edge dedupe without a write and inflate the figure (flagged in the notes if it happens).
    poolSize: quick ? 5_000 : 250_000,
    // The ceilings have no dedupe: repeats cost them the same, a smaller pool builds faster.
    ceilingPoolSize: quick ? 5_000 : 80_000,
    baselineSeconds: quick ? 2 : 10,
    ceilingBatchSize: 200,
    ceilingSeconds: quick ? 2 : 10,
    baselineDistinctRecords: quick ? 500 : 5_000,
    seed: 3,
  };
}

async function measure(options: BenchRunOptions): Promise<BenchOutcome> {
  const p = ingressParameters(options.quick);
  const env = await openBenchEnvironment('ingress', {
    topics: ['notificationsRaw'],
    registerRawSchema: true,
    extraTopics: [BARE_HTTP_TOPIC],
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
        const measured = await loadRound(env.admin, cluster, topic, p, round, options.log);
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
    // Same load generator, request bytes and worker count, without the ingress's work.
    const ceilingShape = { ...p, poolSize: p.ceilingPoolSize };
    const ceilings = await httpCeilings(
      env,
      ceilingShape,
      cluster.workers,
      p.rounds + 1,
      options.log,
    );
    const figures = ingressFigures({
      workers: cluster.workers,
      rounds,
      ceiling,
      httpCeilings: ceilings,
      shutdownExit,
    });
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
