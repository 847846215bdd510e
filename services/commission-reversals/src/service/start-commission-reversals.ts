import type { ClawbackConfig } from '@clawback/config';
import { assertCoPartitioned, type Supervisor } from '@clawback/exactly-once';
import { PartitionProducers, createKafkaClient, kafkaReadiness } from '@clawback/kafka';
import type { Logger } from '@clawback/logging';
import type { MerchantDirectory } from '@clawback/merchants';
import { createHealthHandlers, kafkaRetriableResponses } from '@clawback/observability';
import { createRedisClient, quitRedis, redisReadiness } from '@clawback/redis';
import { AvroRegistry } from '@clawback/schema-registry';
import { registryCodecs } from '../avro/commission-codecs';
import { type LedgerServer, startLedgerServer } from '../http/ledger-server';
import { LedgerStore } from '../ledger/ledger-store';
import { LedgerAudit } from '../ledger/ledger-audit';
import { watchGeneration } from '../ledger/watch-generation';
import { type AffiliateLedgerPage, type PageRequest, readLedger } from '../ledger/read-ledger';
import { type CommissionMetrics, createCommissionMetrics } from '../metrics/commission-metrics';
import type { CommissionSettings } from '../settings/commission-settings';
import { commissionTermsOf } from '../terms/commission-terms';
import { deciderConsumer, ledgerConsumer } from './consumers';
import { registerOutputSchemas } from './register-schemas';

/** What {@link startCommissionReversals} needs. */
export interface CommissionReversalsOptions {
  readonly config: Pick<ClawbackConfig, 'kafka' | 'schemaRegistry' | 'redis'>;
  readonly settings: CommissionSettings;
  /** The loaded merchants file; every `commission` section is validated at start. */
  readonly merchants: MerchantDirectory;
  readonly logger: Logger;
  /** Overrides the configured Redis key prefix (tests use their own). */
  readonly redisKeyPrefix?: string;
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
  readonly readiness: {
    readonly kafka: () => Promise<boolean>;
    readonly redis: () => Promise<boolean>;
  };
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
 * Starts the service in this process: validates the merchants' `commission` sections,
 * registers the output schemas, checks that the state changelog is co-partitioned with the
 * lifecycle events, then starts the decider and the ledger projector (and the HTTP server).
 * The entry point of `main.ts`, end-to-end tests and demos.
 */
export async function startCommissionReversals(
  options: CommissionReversalsOptions,
): Promise<RunningCommissionReversals> {
  const { config, settings, logger } = options;
  const terms = commissionTermsOf(options.merchants);
  const metrics = options.metrics ?? createCommissionMetrics();
  const kafka = createKafkaClient(config.kafka, {
    logger,
    clientId: `${config.kafka.clientId}-commission-reversals`,
    onRetriableResponse: kafkaRetriableResponses(metrics.registry),
  });
  const admin = kafka.admin();
  await admin.connect();
  const redis = await createRedisClient(config.redis, {
    logger,
    connectionName: 'commission-reversals',
    ...(options.redisKeyPrefix !== undefined && { keyPrefix: options.redisKeyPrefix }),
  }).catch(async (error: unknown) => {
    await admin.disconnect();
    throw error;
  });
  const producers = new PartitionProducers(
    kafka,
    `${settings.transactionalIdPrefix}-commission-reversals`,
    settings.transactionTimeoutMs,
  );
  const started: Supervisor[] = [];
  let server: LedgerServer | undefined;
  let stopWatching = (): void => undefined;
  const close = async (): Promise<void> => {
    stopWatching();
    await server?.close().catch(() => undefined);
    await Promise.allSettled(started.map((consumer) => consumer.stop()));
    await producers.closeAll();
    await quitRedis(redis);
    await admin.disconnect();
  };
  try {
    const registry = new AvroRegistry(config.schemaRegistry);
    await registerOutputSchemas(registry, settings.topics);
    await assertCoPartitioned(
      admin,
      settings.topics.lifecycleEvents,
      settings.topics.commissionState,
    );
    const codecs = registryCodecs(registry, settings.topics);
    const decider = deciderConsumer({
      kafka,
      admin,
      producers,
      codecs,
      settings,
      termsFor: (merchantId) => terms.get(merchantId),
      logger: logger.child({ consumer: 'decider' }),
      metrics,
    });
    started.push(decider);
    await decider.start();
    const store = new LedgerStore(redis);
    // A generation with its manifest from the start: the read API can then tell an affiliate
    // without entries (404) from a ledger that is not there (503, ADR 0010).
    await store.generation();
    const ledgerLogger = logger.child({ consumer: 'ledger' });
    const ledger = ledgerConsumer(kafka, settings, {
      admin,
      store,
      codecs,
      topic: settings.topics.commissionAdjustments,
      logger: ledgerLogger,
      metrics,
    });
    started.push(ledger);
    await ledger.start();
    stopWatching = watchGeneration({
      store,
      audit: new LedgerAudit(redis),
      metrics,
      intervalMs: settings.ledgerCheckIntervalMs,
      onLost: () => ledger.restart(new Error('ledger generation lost')),
      logger: ledgerLogger,
    });
    const readiness = { kafka: kafkaReadiness(admin), redis: redisReadiness(redis) };
    if (options.http) {
      server = await startLedgerServer({
        redis,
        health: createHealthHandlers({ registry: metrics.registry, readiness }),
        port: options.http.port,
        ...(options.http.host !== undefined && { host: options.http.host }),
        onError: (error) => logger.error({ err: error }, 'ledger read failed'),
      });
    }
    return {
      metrics,
      joined: Promise.all([decider.joined, ledger.joined]).then(() => undefined),
      httpPort: server?.port,
      readiness,
      ledger: (merchantId, affiliateId, page = { cursor: 0, limit: 100 }) =>
        readLedger(redis, merchantId, affiliateId, page),
      stop: close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
