import { resolve } from 'node:path';
import { startIngress } from '@clawback/ingress';
import { waitFor } from '@clawback/test-harness';
import type { Benchmark, BenchOutcome, BenchRunOptions } from '../benchmark';
import { openBenchEnvironment } from '../pipeline/bench-environment';
import { runChild } from '../pipeline/child-process';
import { ipnPool } from '../pipeline/ipn-pool';
import { BENCH_MERCHANT, writeMerchantsFile } from '../pipeline/merchants-file';
import { measureProcessLoad, type ProcessLoad } from '../pipeline/process-load';
import { rawMessages } from '../pipeline/raw-records';
import { recordsOn } from '../pipeline/topic-offsets';
import { ingressFigures, ingressTables } from './ingress-report';
import { bareProducerRun } from './bare-producer';
import type { LoadRequest, LoadResult } from './load-request';

const LOAD_GENERATOR = resolve(__dirname, 'autocannon-load.ts');

/** The run's shape; `quick` only checks the code paths. */
function ingressParameters(quick: boolean) {
  return {
    connections: quick ? 16 : 64,
    warmUpSeconds: quick ? 1 : 3,
    durationSeconds: quick ? 3 : 20,
    poolSize: quick ? 5_000 : 60_000,
    baselineSeconds: quick ? 2 : 20,
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
    const before = await baseline(p.connections, p.baselineSeconds);

    const ingress = await startIngress({
      env: env.env({ CLAWBACK_MERCHANTS_FILE: merchants.path, LOG_LEVEL: 'error' }),
      host: '127.0.0.1',
      port: 0,
    });
    let load: LoadResult;
    let processLoad: ProcessLoad | undefined;
    const rawBefore = await recordsOn(env.admin, topic);
    try {
      await waitFor(async () => (await fetch(`${ingress.url}/readyz`)).ok, {
        timeoutMs: 30_000,
        description: 'ingress ready',
      });
      options.log(
        `ingress: ${p.connections} connections, ${p.warmUpSeconds} s warm-up + ${p.durationSeconds} s`,
      );
      let stop: (() => ProcessLoad) | undefined;
      const request: LoadRequest = {
        url: `${ingress.url}/v1/notifications/2checkout/${BENCH_MERCHANT.id}`,
        connections: p.connections,
        warmUpSeconds: p.warmUpSeconds,
        durationSeconds: p.durationSeconds,
        pool: {
          count: p.poolSize,
          seed: p.seed,
          merchantId: BENCH_MERCHANT.id,
          secretKey: BENCH_MERCHANT.twoCheckoutSecret,
        },
      };
      load = await runChild<LoadRequest, LoadResult>(LOAD_GENERATOR, request, {
        timeoutMs: 600_000,
        onProgress: options.log,
        onMark: (mark) => {
          if (mark === 'measuring') stop = measureProcessLoad();
          if (mark === 'done') processLoad = stop?.();
        },
      });
    } finally {
      await ingress.close();
    }
    const written = (await recordsOn(env.admin, topic)) - rawBefore;

    options.log(
      `baseline again (${p.baselineSeconds} s), then the ceiling: batches of ${p.ceilingBatchSize}`,
    );
    const after = await baseline(p.connections, p.baselineSeconds);
    const ceiling = await baseline(p.ceilingBatchSize, p.ceilingSeconds);
    const figures = ingressFigures({ load, processLoad, written, before, after, ceiling });
    return {
      parameters: {
        ...p,
        provider: '2checkout',
        signatures: 'sha3-256 + sha256 + md5',
        partitions: env.partitions,
      },
      figures,
      tables: ingressTables(figures, p.connections),
      notes: load.poolWrapped
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
  summary: 'signed 2Checkout IPNs over HTTP at full speed vs a bare idempotent kafkajs producer',
  needsInfrastructure: true,
  run: measure,
};
