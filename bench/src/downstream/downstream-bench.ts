import type { Benchmark, BenchOutcome, BenchRunOptions } from '../benchmark';
import { writeMerchantsFile } from '../pipeline/merchants-file';
import { downstreamMerchants } from './downstream-merchants';
import { downstreamSummary, downstreamTables } from './downstream-summary';
import { downstreamRound, type DownstreamRound } from './downstream-round';
import { lifecycleLog } from './lifecycle-log';
import { startWebhookSink } from './webhook-sink';

const SEED = 12;

async function measure(options: BenchRunOptions): Promise<BenchOutcome> {
  const count = options.quick ? 5_000 : 200_000;
  const rounds = options.quick ? 1 : 3;
  options.log(`deriving ${count} lifecycle events from the synthetic notification log`);
  const log = lifecycleLog(count, SEED);
  const sink = await startWebhookSink();
  const merchants = await writeMerchantsFile(downstreamMerchants(sink.url));
  try {
    const done: DownstreamRound[] = [];
    let partitions = 0;
    for (let round = 1; round <= rounds; round++) {
      options.log(`round ${round} of ${rounds}`);
      const { partitions: p, ...figures } = await downstreamRound(
        log,
        { merchantsFile: merchants.path, sink },
        options,
      );
      partitions = p;
      done.push(figures);
    }
    const figures = downstreamSummary(done);
    return {
      parameters: {
        lifecycleEvents: count,
        orders: log.orders,
        eventsByType: log.eventsByType,
        partitions,
        rounds,
        merchants:
          'bench-0 … bench-7: commission rate 0.30, webhook cancellations, partial refunds keep',
        seed: SEED,
      },
      figures,
      tables: downstreamTables(figures),
      notes: [
        'Each round runs on fresh topics, groups and Redis keys: the tx copy, then commission-reversals, then subscription-cancellations, each in its own process. Ratios are same-round; the summary takes the median round of each ratio.',
        'The events are preloaded with an idempotent producer, not in transactions; each consumer runs with its own defaults, the baseline with the lifecycle benchmark’s (concurrency 4, 1 MiB fetches).',
        'commission-reversals is done when its decider has committed every event; its ledger projector may still be booking adjustments then.',
      ],
    };
  } finally {
    await merchants.remove();
    await sink.close();
  }
}

/** `npm run bench -- downstream`: the two downstream consumers against the transactional copy. */
export const downstreamBenchmark: Benchmark = {
  name: 'downstream',
  summary:
    'commission-reversals and subscription-cancellations over 200,000 preloaded lifecycle events vs the transactional copy loop, 3 rounds',
  needsInfrastructure: true,
  run: measure,
};
