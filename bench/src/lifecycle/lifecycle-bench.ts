import { resolve } from 'node:path';
import type { Env } from '@clawback/config';
import type { Benchmark, BenchOutcome, BenchRunOptions } from '../benchmark';
import { openBenchEnvironment, type BenchEnvironment } from '../pipeline/bench-environment';
import {
  runChild,
  startChild,
  type ChildHandle,
  type RunChildOptions,
} from '../pipeline/child-process';
import { preloadRawTopic } from '../pipeline/preload-raw-topic';
import { lifecycleFigures, lifecycleTables } from './lifecycle-report';
import type { ServiceCounters } from '../pipeline/service-counters';
import type { LoopKind, LoopRequest, LoopResult } from './loop-request';

const LOOP_CHILD = resolve(__dirname, 'loop-child.ts');

/** The lifecycle's defaults (services/order-lifecycle settings), used by every loop alike. */
const CONCURRENCY = 4;
const MAX_BATCH_BYTES = 1_048_576;

/** A loop's result, with the lifecycle's own counters when it is the lifecycle. */
export type LoopOutcome = LoopResult & {
  readonly counters?: ServiceCounters;
  /** The service's log lines at error level or above (none in a healthy run). */
  readonly errorLogLines?: number;
};

/** Options of {@link runLoop}: the lifecycle's defaults unless given. */
export interface LoopOptions {
  readonly concurrency?: number;
  readonly maxBatchBytes?: number;
  /** Default the run's raw topic. */
  readonly inputTopic?: string;
  /** Variables the loop's service reads besides the run's (merchants file, webhook URLs). */
  readonly env?: Env;
}

/** What {@link startLoopUntilTold} runs: a loop from `inputTopic` to `outputTopic`. */
export interface ToldLoop {
  readonly kind: LoopKind;
  /** Names the loop's group and transactional ids within the run. */
  readonly name: string;
  readonly inputTopic: string;
  readonly outputTopic: string;
  readonly concurrency: number;
}

/**
 * Starts one loop in a child process that runs until it is sent any message (end to end),
 * with the lifecycle's fetch size; its outcome is the handle's `result`.
 */
export function startLoopUntilTold(
  env: BenchEnvironment,
  loop: ToldLoop,
  child: RunChildOptions,
): ChildHandle<LoopOutcome> {
  return startChild<LoopRequest, LoopOutcome>(
    LOOP_CHILD,
    {
      kind: loop.kind,
      env: env.env(),
      topicPrefix: env.id,
      inputTopic: loop.inputTopic,
      outputTopic: loop.outputTopic,
      groupId: env.groupId(loop.name),
      transactionalIdPrefix: `${env.id}-${loop.name}`,
      concurrency: loop.concurrency,
      maxBatchBytes: MAX_BATCH_BYTES,
      until: 'told',
      timeoutMs: child.timeoutMs,
    },
    child,
  );
}

/** Runs one loop over the run's raw topic (or `inputTopic`) in a child process, to its end. */
export function runLoop(
  env: BenchEnvironment,
  kind: LoopKind,
  outputTopic: string,
  log: (line: string) => void,
  options: LoopOptions = {},
): Promise<LoopOutcome> {
  const inputTopic = options.inputTopic ?? env.topics.notificationsRaw;
  const request: LoopRequest = {
    kind,
    env: env.env(options.env),
    topicPrefix: env.id,
    inputTopic,
    outputTopic,
    groupId: env.groupId(kind),
    transactionalIdPrefix: `${env.id}-${kind}`,
    concurrency: options.concurrency ?? CONCURRENCY,
    maxBatchBytes: options.maxBatchBytes ?? MAX_BATCH_BYTES,
    until: 'caught-up',
    timeoutMs: 900_000,
  };
  log(`${kind}: consuming ${inputTopic} in a child process`);
  return runChild<LoopRequest, LoopOutcome>(LOOP_CHILD, request, {
    timeoutMs: 960_000,
    onProgress: log,
  });
}

async function measure(options: BenchRunOptions): Promise<BenchOutcome> {
  const notifications = options.quick ? 5_000 : 200_000;
  const env = await openBenchEnvironment('lifecycle', {
    topics: ['notificationsRaw', 'notificationsDlq', 'lifecycleEvents', 'lifecycleState'],
    registerRawSchema: true,
    extraTopics: ['copy', 'copy-tx'],
  });
  try {
    await preloadRawTopic(env, { count: notifications, seed: 4, log: options.log });
    const bare = await runLoop(env, 'bare', env.extraTopics.copy!, options.log);
    const transactional = await runLoop(
      env,
      'transactional',
      env.extraTopics['copy-tx']!,
      options.log,
    );
    const lifecycle = await runLoop(env, 'lifecycle', env.topics.lifecycleEvents, options.log);
    const figures = lifecycleFigures({ bare, transactional, lifecycle });
    return {
      parameters: {
        notifications,
        partitions: env.partitions,
        concurrency: CONCURRENCY,
        maxBatchBytes: MAX_BATCH_BYTES,
        provider: '2checkout',
        seed: 4,
      },
      figures,
      tables: lifecycleTables(figures),
    };
  } finally {
    await env.dispose();
  }
}

/** `npm run bench -- lifecycle`: the exactly-once consumer against two bare loops. */
export const lifecycleBenchmark: Benchmark = {
  name: 'lifecycle',
  summary:
    'exactly-once lifecycle consumer over 200,000 preloaded notifications vs bare and transactional copy loops',
  needsInfrastructure: true,
  run: measure,
};
