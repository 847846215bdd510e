import { loadavg } from 'node:os';
import type { BenchRunOptions } from '../benchmark';
import { runLoop } from '../lifecycle/lifecycle-bench';
import { openBenchEnvironment } from '../pipeline/bench-environment';
import { downstreamFigures, type DownstreamFigures } from './downstream-report';
import type { LifecycleLog } from './lifecycle-log';
import { preloadLifecycleEvents } from './preload-events';
import type { WebhookSink } from './webhook-sink';

/** One round's figures and the machine's load when it started. */
export type DownstreamRound = DownstreamFigures & { readonly loadAverage1m: number };

/**
 * One round on fresh topics, groups and Redis keys (a consumer's second pass over the same
 * outputs would find its work done): preloads `log`, then runs the transactional copy and each
 * consumer over it to the end, one after another, each in its own process.
 */
export async function downstreamRound(
  log: LifecycleLog,
  context: { readonly merchantsFile: string; readonly sink: WebhookSink },
  options: BenchRunOptions,
): Promise<DownstreamRound & { readonly partitions: number }> {
  const loadAverage1m = Math.round((loadavg()[0] ?? 0) * 100) / 100;
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
  // The services' second groups, deleted with the rest: the ledger projector's and the redrives'.
  env.alsoDelete({
    groups: [
      `${env.groupId('commission-reversals')}-ledger`,
      `${env.groupId('subscription-cancellations')}-redrive`,
    ],
  });
  try {
    options.log(`preloading ${log.events.length} lifecycle events (${log.orders} orders)`);
    await preloadLifecycleEvents(env, log);
    const input = {
      inputTopic: env.topics.lifecycleEvents,
      env: { CLAWBACK_MERCHANTS_FILE: context.merchantsFile },
    };
    const { topics, extraTopics } = env;
    const transactional = await runLoop(
      env,
      'transactional',
      extraTopics['copy-tx']!,
      options.log,
      input,
    );
    const commissions = await runLoop(
      env,
      'commission-reversals',
      topics.commissionAdjustments,
      options.log,
      input,
    );
    const delivered = context.sink.deliveries();
    const cancellations = await runLoop(
      env,
      'subscription-cancellations',
      topics.cancellations,
      options.log,
      input,
    );
    const webhookDeliveries = context.sink.deliveries() - delivered;
    const figures = downstreamFigures({
      transactional,
      commissions,
      cancellations,
      webhookDeliveries,
    });
    return { ...figures, loadAverage1m, partitions: env.partitions };
  } finally {
    await env.dispose();
  }
}
