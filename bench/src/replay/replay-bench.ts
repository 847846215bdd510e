import { resolve } from 'node:path';
import { topicKeys, topicNames } from '@clawback/kafka';
import type { Benchmark, BenchOutcome, BenchRunOptions } from '../benchmark';
import { runLoop } from '../lifecycle/lifecycle-bench';
import { openBenchEnvironment } from '../pipeline/bench-environment';
import { preloadRawTopic } from '../pipeline/preload-raw-topic';
import { runCommand } from '../pipeline/spawned-process';
import type { BenchTable } from '../report/bench-table';
import { formatCount, formatFixed, formatMiB, formatRatio, round } from '../report/format';
import { nowMs, perSecond } from '../stats/stopwatch';
import { processingWindowMs, type TimedLine } from './replay-progress';

const REPLAY_MAIN = resolve(__dirname, '../../../services/order-lifecycle/src/replay/main.ts');

/** The JSON figures of the replay benchmark. */
interface ReplayFigures {
  readonly replay: {
    readonly notifications: number;
    /** Notifications over the replay's own processing window (its progress lines). */
    readonly notificationsPerSecond: number | null;
    readonly processingMs: number | null;
    /** The command as an operator runs it, start-up and topic creation included. */
    readonly wallMs: number;
    readonly wallNotificationsPerSecond: number;
    readonly peakRssBytes: number;
  };
  readonly baselineBare: {
    readonly what: string;
    readonly recordsPerSecond: number;
    readonly elapsedMs: number;
  };
  readonly ratio: { readonly replayOverBare: number | null };
}

async function measure(options: BenchRunOptions): Promise<BenchOutcome> {
  const notifications = options.quick ? 5_000 : 200_000;
  const env = await openBenchEnvironment('replay', {
    topics: ['notificationsRaw'],
    registerRawSchema: true,
    extraTopics: ['copy'],
  });
  try {
    await preloadRawTopic(env, { count: notifications, seed: 6, log: options.log });
    const bare = await runLoop(env, 'bare', env.extraTopics.copy!, options.log);
    const target = `${env.id}.replay`;
    const targetTopics = topicNames(target);
    env.alsoDelete({
      topics: topicKeys.map((key) => targetTopics[key]),
      groups: [`${target}-order-lifecycle`, `${target}-read`],
    });
    options.log(
      'replay: npm run lifecycle:replay -- --from-beginning --target-prefix … --no-compare',
    );
    const lines: TimedLine[] = [];
    const run = await runCommand(
      process.execPath,
      [
        '--import',
        'tsx',
        REPLAY_MAIN,
        '--from-beginning',
        '--target-prefix',
        target,
        '--no-compare',
      ],
      {
        env: env.env({ LOG_LEVEL: 'warn' }),
        timeoutMs: 1_800_000,
        onLine: (line) => lines.push({ atMs: nowMs(), line }),
      },
    );
    if (run.exitCode !== 0) {
      throw new Error(
        `the replay exited with ${run.exitCode}: ${run.stdout.slice(-3).join(' / ')}`,
      );
    }
    const processingMs = processingWindowMs(lines);
    const rate = processingMs === null ? null : perSecond(notifications, processingMs);
    const figures: ReplayFigures = {
      replay: {
        notifications,
        notificationsPerSecond: rate === null ? null : round(rate, 0),
        processingMs: processingMs === null ? null : round(processingMs, 0),
        wallMs: round(run.elapsedMs, 0),
        wallNotificationsPerSecond: round(perSecond(notifications, run.elapsedMs), 0),
        peakRssBytes: run.peakRssBytes,
      },
      baselineBare: {
        what: 'kafkajs consumer → producer copying each record, offsets committed per batch, no transactions',
        recordsPerSecond: round(bare.recordsPerSecond, 0),
        elapsedMs: round(bare.elapsedMs, 0),
      },
      ratio: { replayOverBare: rate === null ? null : round(rate / bare.recordsPerSecond) },
    };
    return {
      parameters: {
        notifications,
        partitions: env.partitions,
        provider: '2checkout',
        seed: 6,
        compare: false,
      },
      figures,
      tables: replayTables(figures),
    };
  } finally {
    await env.dispose();
  }
}

function replayTables(f: ReplayFigures): BenchTable[] {
  const rate = f.replay.notificationsPerSecond;
  return [
    {
      title: `replay: rebuilding from ${formatCount(f.replay.notifications)} raw notifications`,
      columns: ['run', 'per second', 'seconds', 'peak RSS', 'ratio'],
      rows: [
        [
          'lifecycle:replay (its processing window)',
          rate === null ? 'n/a' : formatCount(rate),
          f.replay.processingMs === null ? 'n/a' : formatFixed(f.replay.processingMs / 1000, 1),
          formatMiB(f.replay.peakRssBytes),
          f.ratio.replayOverBare === null ? 'n/a' : formatRatio(f.ratio.replayOverBare),
        ],
        [
          'lifecycle:replay (whole command)',
          formatCount(f.replay.wallNotificationsPerSecond),
          formatFixed(f.replay.wallMs / 1000, 1),
          formatMiB(f.replay.peakRssBytes),
          '',
        ],
        [
          'baseline: bare copy, no transactions',
          formatCount(f.baselineBare.recordsPerSecond),
          formatFixed(f.baselineBare.elapsedMs / 1000, 1),
          '',
          '1.00×',
        ],
      ],
    },
  ];
}

/** `npm run bench -- replay`: rebuilding state from the raw topic. */
export const replayBenchmark: Benchmark = {
  name: 'replay',
  summary: 'notifications per second when lifecycle:replay rebuilds state from the raw topic',
  needsInfrastructure: true,
  run: measure,
};
