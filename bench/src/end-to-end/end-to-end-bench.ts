import { resolve } from 'node:path';
import { startIngress } from '@clawback/ingress';
import { defaultLifecycleSettings } from '@clawback/order-lifecycle';
import { createLogger } from '@clawback/logging';
import { waitFor } from '@clawback/test-harness';
import type { Benchmark, BenchOutcome, BenchRunOptions } from '../benchmark';
import { startLoopUntilTold } from '../lifecycle/lifecycle-bench';
import { openBenchEnvironment } from '../pipeline/bench-environment';
import { runChild, startChild } from '../pipeline/child-process';
import { countingLog } from '../pipeline/log-levels';
import { BENCH_MERCHANT, writeMerchantsFile } from '../pipeline/merchants-file';
import { endToEndFigures, endToEndTables } from './end-to-end-report';
import type { ReaderExpectation, ReaderRequest, ReaderResult } from './events-reader';
import { expectedEvents } from './expected-events';
import type { PacedRequest, PacedResult } from './paced-request';
import { measureSubstrate, SUBSTRATE_TOPICS } from './substrate-run';

const here = (file: string): string => resolve(__dirname, file);

/** Partitions the lifecycle processes at once: the service's default, as deployed. */
const CONCURRENCY = defaultLifecycleSettings.partitionConcurrency;

/** The run's shape; `quick` only checks the code paths. */
function endToEndParameters(quick: boolean) {
  return {
    ratePerSecond: quick ? 100 : 500,
    warmUpSeconds: quick ? 2 : 5,
    durationSeconds: quick ? 5 : 30,
    maxInFlight: 2048,
    // Keep-alive sockets of the load generator. It stands for many providers' addresses but is
    // one source to the ingress, whose per-source cap (INGRESS_MAX_CONNECTIONS_PER_SOURCE,
    // default 64) resets connections above it on accept: the bench's ingress gets a cap of this
    // many. 64 would make the open loop a closed one (at most 64 requests in flight: 128 ms
    // each at 500/s); thousands opened in a burst overflow the accept backlog, and SYN retries
    // (1, 3, 7, 15 s …) show up as seconds of latency. 256 leaves 512 ms per request.
    connections: 256,
    seed: 5,
    settleTimeoutMs: 180_000,
  };
}

async function measure(options: BenchRunOptions): Promise<BenchOutcome> {
  const p = endToEndParameters(options.quick);
  const env = await openBenchEnvironment('e2e', {
    topics: ['notificationsRaw', 'notificationsDlq', 'lifecycleEvents', 'lifecycleState'],
    registerRawSchema: true,
    extraTopics: SUBSTRATE_TOPICS,
  });
  const merchants = await writeMerchantsFile();
  const child = { timeoutMs: 900_000, onProgress: options.log };
  try {
    const lifecycle = startLoopUntilTold(
      env,
      {
        kind: 'lifecycle',
        name: 'lifecycle',
        inputTopic: env.topics.notificationsRaw,
        outputTopic: env.topics.lifecycleEvents,
        concurrency: CONCURRENCY,
      },
      child,
    );
    const reader = startChild<ReaderRequest, ReaderResult>(
      here('events-reader.ts'),
      { env: env.env(), topic: env.topics.lifecycleEvents, groupId: env.groupId('reader') },
      child,
    );
    const ingressLog = countingLog();
    const ingress = await startIngress({
      env: env.env({
        CLAWBACK_MERCHANTS_FILE: merchants.path,
        INGRESS_MAX_CONNECTIONS_PER_SOURCE: String(p.connections),
      }),
      logger: createLogger({
        service: 'ingress',
        level: 'warn',
        destination: ingressLog.destination,
      }),
      host: '127.0.0.1',
      port: 0,
    });
    let load: PacedResult;
    let ingressMetrics = '';
    try {
      options.log('waiting for the lifecycle, the reader and the ingress');
      await Promise.all([lifecycle.marked('joined'), reader.marked('joined')]);
      await waitFor(async () => (await fetch(`${ingress.url}/readyz`)).ok, {
        timeoutMs: 30_000,
        description: 'ingress ready',
      });
      options.log(
        `offering ${p.ratePerSecond}/s for ${p.warmUpSeconds} s warm-up + ${p.durationSeconds} s`,
      );
      load = await runChild<PacedRequest, PacedResult>(
        here('paced-load.ts'),
        {
          url: `${ingress.url}/v1/notifications/2checkout/${BENCH_MERCHANT.id}`,
          ratePerSecond: p.ratePerSecond,
          warmUpSeconds: p.warmUpSeconds,
          durationSeconds: p.durationSeconds,
          maxInFlight: p.maxInFlight,
          connections: p.connections,
          pool: {
            seed: p.seed,
            merchantId: BENCH_MERCHANT.id,
            secretKey: BENCH_MERCHANT.twoCheckoutSecret,
          },
        },
        child,
      );
      ingressMetrics = await (await fetch(`${ingress.url}/metrics`)).text();
    } finally {
      await ingress.close();
    }
    const { measured, blocked } = expectedEvents(load.requests);
    options.log(`waiting for the events of ${measured.length} accepted notifications`);
    const expectation: ReaderExpectation = {
      causationIds: measured.map((r) => r.notificationId),
      timeoutMs: p.settleTimeoutMs,
    };
    reader.send(expectation);
    const seen = await reader.result;
    lifecycle.send({ stop: true });
    const service = await lifecycle.result;
    options.log(`baseline: the same load through a bare producer and a transactional copy`);
    const substrate = await measureSubstrate(env, { ...p, concurrency: CONCURRENCY }, child);
    const figures = endToEndFigures({
      substrate,
      errorLogLines: { ingress: ingressLog.errorLines(), lifecycle: service.errorLogLines ?? 0 },
      load,
      measured,
      blocked,
      seen,
      service,
      publishAck: publishAckMeans(ingressMetrics),
      durationSeconds: p.durationSeconds,
    });
    return {
      parameters: {
        ...p,
        partitions: env.partitions,
        concurrency: CONCURRENCY,
        provider: '2checkout',
      },
      figures,
      tables: endToEndTables(figures, p),
    };
  } finally {
    await merchants.remove();
    await env.dispose();
  }
}

/**
 * The ingress's mean time from handing a record to its producer to Kafka's acknowledgement
 * (`clawback_ingress_publish_duration_seconds`, acked), warm-up included, from its /metrics.
 */
function publishAckMeans(text: string): { readonly meanMs: number; readonly count: number } {
  const value = (suffix: string): number => {
    const line = text
      .split('\n')
      .find(
        (l) =>
          l.startsWith(`clawback_ingress_publish_duration_seconds_${suffix}{`) &&
          l.includes('acked'),
      );
    return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
  };
  const count = value('count');
  return { meanMs: count > 0 ? (value('sum') / count) * 1000 : 0, count };
}

/** `npm run bench -- end-to-end`: HTTP request start → event committed, at a fixed load. */
export const endToEndBenchmark: Benchmark = {
  name: 'end-to-end',
  summary: 'latency from HTTP request start to the committed derived event at 500 notifications/s',
  needsInfrastructure: true,
  run: measure,
};
