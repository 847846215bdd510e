import type { BenchTable } from '../report/bench-table';
import { formatCount, formatFixed, formatRatio } from '../report/format';
import { nearestRank } from '../stats/percentiles';
import { roundTables } from './downstream-report';
import type { DownstreamRound } from './downstream-round';

/** The figures of every round and the medians of the same-round ratios. */
export interface DownstreamSummary {
  readonly rounds: readonly DownstreamRound[];
  readonly median: {
    readonly commissionsOverTransactional: number;
    readonly cancellationsOverTransactional: number;
    readonly transactionalPerSecond: number;
    readonly commissionsPerSecond: number;
    readonly cancellationsPerSecond: number;
  };
  /** 1-based: the round whose commissions ratio is the median (its loops are tabled). */
  readonly medianRound: number;
}

const median = (values: readonly number[]): number =>
  nearestRank(
    [...values].sort((a, b) => a - b),
    50,
  );

/** Medians over the rounds: each ratio is one round's, never a ratio of medians. */
export function downstreamSummary(rounds: readonly DownstreamRound[]): DownstreamSummary {
  const ratios = rounds.map((r) => r.ratio.commissionsOverTransactional);
  const commissions = median(ratios);
  return {
    rounds,
    median: {
      commissionsOverTransactional: commissions,
      cancellationsOverTransactional: median(
        rounds.map((r) => r.ratio.cancellationsOverTransactional),
      ),
      transactionalPerSecond: median(rounds.map((r) => r.baselineTransactional.recordsPerSecond)),
      commissionsPerSecond: median(rounds.map((r) => r.commissionReversals.recordsPerSecond)),
      cancellationsPerSecond: median(
        rounds.map((r) => r.subscriptionCancellations.recordsPerSecond),
      ),
    },
    medianRound: ratios.indexOf(commissions) + 1,
  };
}

/** The rounds, their medians, and the median round's loops. */
export function downstreamTables(s: DownstreamSummary): BenchTable[] {
  const m = s.median;
  return [
    {
      title: 'downstream: rounds (same-round ratios to the transactional copy)',
      columns: [
        'round',
        'load 1m',
        'tx copy/s',
        'commissions/s',
        'ratio',
        'cancellations/s',
        'ratio',
      ],
      rows: [
        ...s.rounds.map((r, i) => [
          String(i + 1),
          formatFixed(r.loadAverage1m, 2),
          formatCount(r.baselineTransactional.recordsPerSecond),
          formatCount(r.commissionReversals.recordsPerSecond),
          formatRatio(r.ratio.commissionsOverTransactional),
          formatCount(r.subscriptionCancellations.recordsPerSecond),
          formatRatio(r.ratio.cancellationsOverTransactional),
        ]),
        [
          'median',
          '',
          formatCount(m.transactionalPerSecond),
          formatCount(m.commissionsPerSecond),
          formatRatio(m.commissionsOverTransactional),
          formatCount(m.cancellationsPerSecond),
          formatRatio(m.cancellationsOverTransactional),
        ],
      ],
    },
    ...roundTables(s.rounds[s.medianRound - 1]!, s.medianRound),
  ];
}
