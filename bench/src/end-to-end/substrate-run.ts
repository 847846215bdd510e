import { resolve } from 'node:path';
import { startLoopUntilTold } from '../lifecycle/lifecycle-bench';
import type { BenchEnvironment } from '../pipeline/bench-environment';
import { runChild, startChild, type RunChildOptions } from '../pipeline/child-process';
import { BENCH_MERCHANT } from '../pipeline/merchants-file';
import type { ReaderRequest, ReaderResult } from './events-reader';
import type { PacedResult, SentRequest } from './paced-request';
import type { SubstrateRequest } from './substrate-load';

const here = (file: string): string => resolve(__dirname, file);

/** The extra topics the substrate baseline needs: its input and its copies. */
export const SUBSTRATE_TOPICS = ['substrate-in', 'substrate-out'] as const;

/** The run's shape, as the end-to-end run's. */
export interface SubstrateParameters {
  readonly ratePerSecond: number;
  readonly warmUpSeconds: number;
  readonly durationSeconds: number;
  readonly maxInFlight: number;
  readonly seed: number;
  readonly settleTimeoutMs: number;
  readonly concurrency: number;
}

/** What the substrate baseline measured: its load, its acknowledged records and when seen. */
export interface SubstrateMeasurements {
  readonly load: PacedResult;
  readonly measured: readonly SentRequest[];
  readonly seen: ReaderResult;
}

/**
 * The latency the substrate allows at the same rate: the same bodies and keys produced by a
 * bare idempotent producer, copied by the transactional copy loop (one transaction per batch,
 * the lifecycle's consumer settings and concurrency) and read with read_committed, each in
 * its own process. No HTTP, no verification, no machine, no Redis.
 */
export async function measureSubstrate(
  env: BenchEnvironment,
  p: SubstrateParameters,
  child: RunChildOptions,
): Promise<SubstrateMeasurements> {
  const [input, output] = SUBSTRATE_TOPICS.map((name) => env.extraTopics[name]!);
  const copy = startLoopUntilTold(
    env,
    {
      kind: 'transactional',
      name: 'substrate',
      inputTopic: input!,
      outputTopic: output!,
      concurrency: p.concurrency,
    },
    child,
  );
  const reader = startChild<ReaderRequest, ReaderResult>(
    here('events-reader.ts'),
    {
      env: env.env(),
      topic: output!,
      groupId: env.groupId('substrate-reader'),
      format: 'copied-records',
    },
    child,
  );
  await Promise.all([copy.marked('joined'), reader.marked('joined')]);
  const load = await runChild<SubstrateRequest, PacedResult>(
    here('substrate-load.ts'),
    {
      env: env.env(),
      topic: input!,
      ratePerSecond: p.ratePerSecond,
      warmUpSeconds: p.warmUpSeconds,
      durationSeconds: p.durationSeconds,
      maxInFlight: p.maxInFlight,
      pool: {
        seed: p.seed,
        merchantId: BENCH_MERCHANT.id,
        secretKey: BENCH_MERCHANT.twoCheckoutSecret,
      },
    },
    child,
  );
  const measured = load.requests.filter((r) => r.status === 200 && !r.warmUp);
  reader.send({
    causationIds: measured.map((r) => r.notificationId),
    timeoutMs: p.settleTimeoutMs,
  });
  const seen = await reader.result;
  copy.send({ stop: true });
  await copy.result;
  return { load, measured, seen };
}
