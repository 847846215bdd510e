import type { LoopOutcome } from '../lifecycle/lifecycle-bench';
import {
  LOOP_COLUMNS,
  loopFigures,
  loopRow,
  type LoopFigures,
} from '../lifecycle/lifecycle-report';
import type { ServiceCounters } from '../pipeline/service-counters';
import type { BenchTable } from '../report/bench-table';
import { formatCount, formatRatio, round } from '../report/format';

type ConsumerFigures = LoopFigures & { readonly counters: ServiceCounters };

/** The JSON figures of the downstream benchmark. */
export interface DownstreamFigures {
  readonly commissionReversals: ConsumerFigures;
  readonly subscriptionCancellations: ConsumerFigures & { readonly webhookDeliveries: number };
  readonly baselineTransactional: LoopFigures;
  readonly ratio: {
    /** What the commission decider costs on top of transactions: consumer ÷ tx copy. */
    readonly commissionsOverTransactional: number;
    readonly cancellationsOverTransactional: number;
  };
}

const consumer = (what: string, r: LoopOutcome): ConsumerFigures => ({
  ...loopFigures(what, r),
  counters: r.counters ?? {},
});

/** Throughput, peak RSS and each consumer's ratio to the transactional copy. */
export function downstreamFigures(runs: {
  readonly transactional: LoopOutcome;
  readonly commissions: LoopOutcome;
  readonly cancellations: LoopOutcome;
  readonly webhookDeliveries: number;
}): DownstreamFigures {
  const over = (r: LoopOutcome): number =>
    round(r.recordsPerSecond / runs.transactional.recordsPerSecond);
  return {
    commissionReversals: consumer(
      'commission-reversals decider: decode, per-order commission state (changelog), Avro-encode adjustments and state, one transaction per batch; the ledger projector runs alongside',
      runs.commissions,
    ),
    subscriptionCancellations: {
      ...consumer(
        'subscription-cancellations: decode, plan, signed webhook per subscription to cancel, completed record in Redis, one transaction per batch',
        runs.cancellations,
      ),
      webhookDeliveries: runs.webhookDeliveries,
    },
    baselineTransactional: loopFigures(
      'kafkajs copy of orders.lifecycle.events in one transaction per batch with sendOffsets, one producer per partition (the lifecycle benchmark’s)',
      runs.transactional,
    ),
    ratio: {
      commissionsOverTransactional: over(runs.commissions),
      cancellationsOverTransactional: over(runs.cancellations),
    },
  };
}

/** One round's loops. */
export function roundTables(f: DownstreamFigures, round: number): BenchTable[] {
  return [
    {
      title: `downstream: ${formatCount(f.baselineTransactional.records)} preloaded lifecycle events, first fetch to last commit (round ${round}, the median commissions ratio)`,
      columns: LOOP_COLUMNS,
      rows: [
        loopRow(
          'commission-reversals (exactly-once)',
          f.commissionReversals,
          `${formatRatio(f.ratio.commissionsOverTransactional)} of tx copy`,
        ),
        loopRow(
          'subscription-cancellations (exactly-once)',
          f.subscriptionCancellations,
          `${formatRatio(f.ratio.cancellationsOverTransactional)} of tx copy`,
        ),
        loopRow('baseline: transactional copy', f.baselineTransactional, '1.00×'),
      ],
    },
  ];
}
