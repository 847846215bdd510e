import {
  assertCoPartitioned,
  startConsumerService,
  type ConsumerServiceInputs,
  type ServiceReadiness,
} from '@clawback/exactly-once';
import type { MerchantDirectory } from '@clawback/merchants';
import { createHealthHandlers } from '@clawback/observability';
import { registryCodecs } from '../avro/commission-codecs';
import { DeciderPartitionTask } from '../reversal-task/decider-partition-task';
import { startLedgerServer } from '../http/ledger-server';
import { LedgerAudit } from '../ledger/ledger-audit';
import { LedgerPartitionTask } from '../ledger/ledger-partition-task';
import { LedgerStore } from '../ledger/ledger-store';
import { watchGeneration } from '../ledger/watch-generation';
import { type AffiliateLedgerPage, type PageRequest, readLedger } from '../ledger/read-ledger';
import { type CommissionMetrics, createCommissionMetrics } from '../metrics/commission-metrics';
import { type CommissionSettings, ledgerGroupId } from '../settings/commission-settings';
import { commissionTermsOf } from '../terms/commission-terms';
import { writtenTopics } from './written-topics';

/** What {@link startCommissionReversals} needs. */
export interface CommissionReversalsOptions extends ConsumerServiceInputs {
  readonly settings: CommissionSettings;
  /** The loaded merchants file; every `commission` section is validated at start. */
  readonly merchants: MerchantDirectory;
  readonly metrics?: CommissionMetrics;
  /** Serve the read API and the health routes on this port (0: any free one); none if absent. */
  readonly http?: { readonly port: number; readonly host?: string };
}

/** A running commission-reversals service. */
export interface RunningCommissionReversals {
  readonly metrics: CommissionMetrics;
  /** Resolves once both consumers (decider and ledger) had their first assignment. */
  readonly joined: Promise<void>;
  /** The HTTP server's port, when one was asked for. */
  readonly httpPort: number | undefined;
  /** For `/readyz`: Kafka and Redis answer. */
  readonly readiness: ServiceReadiness;
  /** What the read API answers for an affiliate. */
  ledger(
    merchantId: string,
    affiliateId: string,
    page?: PageRequest,
  ): Promise<AffiliateLedgerPage | undefined>;
  /** Graceful stop: the HTTP server, then both consumers (batches in flight finish), then clients. */
  stop(): Promise<void>;
}

/**
 * Starts the service in this process, on `@clawback/exactly-once`'s consumer skeleton:
 * validates the merchants' `commission` sections, registers the output schemas, checks that the
 * state changelog is co-partitioned with the lifecycle events, then starts the decider
 * ({@link DeciderPartitionTask} per partition of `orders.lifecycle.events`) and the ledger
 * projector ({@link LedgerPartitionTask} per partition of the adjustments; its own group, its
 * positions kept in Redis with the ledger, so it needs no fencing), and the HTTP server.
 * The entry point of `main.ts`, end-to-end tests and demos.
 */
export async function startCommissionReversals(
  options: CommissionReversalsOptions,
): Promise<RunningCommissionReversals> {
  const { settings, logger } = options;
  const terms = commissionTermsOf(options.merchants);
  const metrics = options.metrics ?? createCommissionMetrics();
  const service = await startConsumerService({
    ...options,
    name: 'commission-reversals',
    metricsRegistry: metrics.registry,
    writes: writtenTopics(settings.topics),
    start: async ({ kafka, admin, redis, producers, registry, readiness, consume, onStop }) => {
      const { topics } = settings;
      await assertCoPartitioned(admin, topics.lifecycleEvents, topics.commissionState);
      const codecs = registryCodecs(registry, topics);
      const deciderLogger = logger.child({ consumer: 'decider' });
      const deciderDeps = {
        kafka,
        admin,
        producers,
        codecs,
        settings,
        termsFor: (merchantId: string) => terms.get(merchantId),
        logger: deciderLogger,
        metrics,
      };
      await consume({
        topic: topics.lifecycleEvents,
        settings,
        openTask: (partition, heartbeat) =>
          DeciderPartitionTask.open(deciderDeps, partition, heartbeat),
        logger: deciderLogger,
        metrics,
        labels: { consumer: 'decider' },
      });
      const store = new LedgerStore(redis);
      // A generation with its manifest from the start: the read API can then tell an affiliate
      // without entries (404) from a ledger that is not there (503, ADR 0010).
      await store.generation();
      const ledgerLogger = logger.child({ consumer: 'ledger' });
      const ledgerDeps = {
        admin,
        store,
        codecs,
        topic: topics.commissionAdjustments,
        logger: ledgerLogger,
        metrics,
      };
      const ledger = await consume({
        topic: topics.commissionAdjustments,
        // kafkajs starts every assignment at the partition's beginning (no offsets in Kafka);
        // each task moves it to where the ledger stands.
        settings: { ...settings, groupId: ledgerGroupId(settings) },
        fenced: false,
        openTask: (partition) => LedgerPartitionTask.open(ledgerDeps, partition),
        logger: ledgerLogger,
        metrics,
        labels: { consumer: 'ledger' },
      });
      onStop(
        watchGeneration({
          store,
          audit: new LedgerAudit(redis),
          metrics,
          intervalMs: settings.ledgerCheckIntervalMs,
          onLost: () => ledger.restart(new Error('ledger generation lost')),
          logger: ledgerLogger,
        }),
      );
      if (!options.http) return { httpPort: undefined, redis };
      const server = await startLedgerServer({
        redis,
        health: createHealthHandlers({ registry: metrics.registry, readiness }),
        port: options.http.port,
        ...(options.http.host !== undefined && { host: options.http.host }),
        onError: (error) => logger.error({ err: error }, 'ledger read failed'),
      });
      onStop(() => server.close());
      return { httpPort: server.port, redis };
    },
  });
  return {
    metrics,
    joined: service.joined,
    httpPort: service.own.httpPort,
    readiness: service.readiness,
    ledger: (merchantId, affiliateId, page = { cursor: 0, limit: 100 }) =>
      readLedger(service.own.redis, merchantId, affiliateId, page),
    stop: () => service.stop(),
  };
}
