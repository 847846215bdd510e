import type { Benchmark, BenchOutcome, BenchRunOptions } from '../benchmark';
import { runLoop } from '../lifecycle/lifecycle-bench';
import { openBenchEnvironment } from '../pipeline/bench-environment';
import { writeMerchantsFile } from '../pipeline/merchants-file';
import { downstreamMerchants } from './downstream-merchants';
import { downstreamFigures, downstreamTables } from './downstream-report';
import { lifecycleLog } from './lifecycle-log';
import { preloadLifecycleEvents } from './preload-events';
import { startWebhookSink } from './webhook-sink';

const SEED = 12;

async function measure(options: BenchRunOptions): Promise<BenchOutcome> {
  const count = options.quick ? 5_000 : 200_000;
  const env = await openBenchEnvironment('downstream', {
    topics: [
      'lifecycleEvents',
      'commissionAdjustments',
      'commissionState',
      'cancellations',
      'cancellationsDlq',
      'cancellationsRedrive',
    ],
    extraTopics: ['copy-tx'],
  });
  const sink = await startWebhookSink();
  const merchants = await writeMerchantsFile(downstreamMerchants(sink.url));
  // The services' second groups, deleted with the rest: the ledger projector's and the redrives'.
  env.alsoDelete({
    groups: [
      `${env.groupId('commission-reversals')}-ledger`,
      `${env.groupId('subscription-cancellations')}-redrive`,
    ],
  });
  try {
    options.log(`deriving ${count} lifecycle events from the synthetic notification log`);
    const log = lifecycleLog(count, SEED);
    options.log(`preloading ${count} lifecycle events (${log.orders} orders)`);
    await preloadLifecycleEvents(env, log);
    const input = {
      inputTopic: env.topics.lifecycleEvents,
      env: { CLAWBACK_MERCHANTS_FILE: merchants.path },
    };
    const transactional = await runLoop(
      env,
      'transactional',
      env.extraTopics['copy-tx']!,
      options.log,
      input,
    );
    const commissions = await runLoop(
      env,
      'commission-reversals',
      env.topics.commissionAdjustments,
      options.log,
      input,
    );
    const cancellations = await runLoop(
      env,
      'subscription-cancellations',
      env.topics.cancellations,
      options.log,
      input,
    );
    const figures = downstreamFigures({
      transactional,
      commissions,
      cancellations,
      webhookDeliveries: sink.deliveries(),
    });
    return {
      parameters: {
        lifecycleEvents: count,
        orders: log.orders,
        eventsByType: log.eventsByType,
        partitions: env.partitions,
        merchants:
          'bench-0 … bench-7: commission rate 0.30, webhook cancellations, partial refunds keep',
        seed: SEED,
      },
      figures,
      tables: downstreamTables(figures),
      notes: [
        'The events are preloaded with an idempotent producer, not in transactions; each consumer runs with its own defaults, the baseline with the lifecycle benchmark’s (concurrency 4, 1 MiB fetches).',
        'commission-reversals is done when its decider has committed every event; its ledger projector may still be booking adjustments then.',
      ],
    };
  } finally {
    await merchants.remove();
    await sink.close();
    await env.dispose();
  }
}

/** `npm run bench -- downstream`: the two downstream consumers against the transactional copy. */
export const downstreamBenchmark: Benchmark = {
  name: 'downstream',
  summary:
    'commission-reversals and subscription-cancellations over 200,000 preloaded lifecycle events vs the transactional copy loop',
  needsInfrastructure: true,
  run: measure,
};
