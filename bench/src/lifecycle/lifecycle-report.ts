import type { BenchTable } from '../report/bench-table';
import { formatCount, formatFixed, formatMiB, formatRatio, round } from '../report/format';
import type { ServiceCounters } from '../pipeline/service-counters';
import type { LoopResult } from './loop-request';

type Loop = LoopResult & { readonly counters?: ServiceCounters };

/** One loop's figures in a result file. */
export interface LoopFigures {
  readonly what: string;
  readonly records: number;
  readonly elapsedMs: number;
  readonly recordsPerSecond: number;
  readonly peakRssBytes: number;
  readonly cpuCores: number;
}

/** The JSON figures of the lifecycle benchmark. */
export interface LifecycleFigures {
  readonly lifecycle: LoopFigures & { readonly counters: ServiceCounters };
  readonly baselineBare: LoopFigures;
  readonly baselineTransactional: LoopFigures;
  readonly ratio: {
    /** What transactions cost: transactional copy ÷ bare copy. */
    readonly transactionalOverBare: number;
    /** What our own code costs on top of transactions: lifecycle ÷ transactional copy. */
    readonly lifecycleOverTransactional: number;
    readonly lifecycleOverBare: number;
  };
}

/** A loop's result as written to a result file, with what the loop does. */
export const loopFigures = (what: string, r: LoopResult): LoopFigures => ({
  what,
  records: r.records,
  elapsedMs: round(r.elapsedMs, 0),
  recordsPerSecond: round(r.recordsPerSecond, 0),
  peakRssBytes: r.peakRssBytes,
  cpuCores: round(r.cpuCores),
});

/** Throughput, peak RSS and both ratios. */
export function lifecycleFigures(runs: {
  readonly bare: Loop;
  readonly transactional: Loop;
  readonly lifecycle: Loop;
}): LifecycleFigures {
  const rate = (r: Loop): number => r.recordsPerSecond;
  return {
    lifecycle: {
      ...loopFigures(
        'order-lifecycle service: decode, normalize, decide, Avro-encode, one transaction per batch, Redis snapshot cache',
        runs.lifecycle,
      ),
      counters: runs.lifecycle.counters ?? {},
    },
    baselineBare: loopFigures(
      'kafkajs consumer → producer copying each record, offsets committed per batch, no transactions',
      runs.bare,
    ),
    baselineTransactional: loopFigures(
      'the same copy in one transaction per batch with sendOffsets, one producer per partition',
      runs.transactional,
    ),
    ratio: {
      transactionalOverBare: round(rate(runs.transactional) / rate(runs.bare)),
      lifecycleOverTransactional: round(rate(runs.lifecycle) / rate(runs.transactional)),
      lifecycleOverBare: round(rate(runs.lifecycle) / rate(runs.bare)),
    },
  };
}

/** The columns of {@link loopRow}. */
export const LOOP_COLUMNS = ['loop', 'per second', 'seconds', 'peak RSS', 'CPU cores', 'ratio'];

/** A loop's row in a table of {@link LOOP_COLUMNS}. */
export const loopRow = (name: string, l: LoopFigures, ratio: string): string[] => [
  name,
  formatCount(l.recordsPerSecond),
  formatFixed(l.elapsedMs / 1000, 1),
  formatMiB(l.peakRssBytes),
  formatFixed(l.cpuCores, 2),
  ratio,
];

/** The terminal and docs table. */
export function lifecycleTables(f: LifecycleFigures): BenchTable[] {
  return [
    {
      title: `lifecycle: ${formatCount(f.lifecycle.records)} preloaded notifications, first fetch to last commit`,
      columns: LOOP_COLUMNS,
      rows: [
        loopRow(
          'order-lifecycle (exactly-once)',
          f.lifecycle,
          `${formatRatio(f.ratio.lifecycleOverTransactional)} of tx copy`,
        ),
        loopRow(
          'baseline: transactional copy, no machine',
          f.baselineTransactional,
          `${formatRatio(f.ratio.transactionalOverBare)} of bare`,
        ),
        loopRow('baseline: bare copy, no transactions', f.baselineBare, '1.00×'),
      ],
    },
  ];
}
