import { ConfigError, loadConfigOrExit } from '@clawback/config';
import { createShutdown } from '@clawback/kafka';
import { createLogger } from '@clawback/logging';
import { MerchantsError, loadMerchantsFile } from '@clawback/merchants';
import {
  createHealthHandlers,
  createMetricsRegistry,
  startObservabilityServer,
} from '@clawback/observability';
import { isCancellationError } from './cancellation-error';
import { createCancellationMetrics } from './metrics/cancellation-metrics';
import { startSubscriptionCancellations } from './service/start-subscription-cancellations';
import { loadServiceSettings } from './settings/service-settings';

const SERVICE = 'subscription-cancellations';

/**
 * `npm run cancellations`: the service, configured from the environment, with `/healthz`,
 * `/readyz` and `/metrics` on `OBSERVABILITY_PORT` (default 9467). A configuration error
 * (environment, merchants file, a `cancellation` section) prints one line and exits with 1.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit(
    SERVICE,
    ['kafka', 'schemaRegistry', 'redis', 'logging', 'observability', 'merchants'],
    { observabilityPort: 9467 },
  );
  const logger = createLogger({ service: SERVICE, level: config.logging.level });
  let started;
  try {
    const settings = loadServiceSettings(process.env, config.kafka.topicPrefix);
    const merchants = loadMerchantsFile(config.merchants.merchantsFile);
    const metrics = createCancellationMetrics(createMetricsRegistry({ service: SERVICE }));
    const service = await startSubscriptionCancellations({
      config,
      settings,
      merchants,
      logger,
      metrics,
    });
    started = { settings, service };
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof MerchantsError ||
      isCancellationError(error, 'cancellation_settings_invalid')
    ) {
      process.stderr.write(`${SERVICE}: configuration error: ${error.message}\n`);
      process.exit(1);
    }
    logger.fatal({ err: error }, 'subscription cancellations failed to start');
    process.exit(1);
  }
  const { settings, service } = started;
  const ops = await startObservabilityServer({
    port: config.observability.port,
    handlers: createHealthHandlers({
      registry: service.metrics.registry,
      readiness: service.readiness,
    }),
    onError: (error) => logger.error({ err: error }, 'observability handler failed'),
  });
  const shutdown = createShutdown({ logger, timeoutMs: settings.transactionTimeoutMs });
  // Closers run newest first: the consumer stops before the ops server goes away.
  shutdown.onShutdown('ops server', () => ops.close());
  shutdown.onShutdown('subscription cancellations', () => service.stop());
  logger.info(
    { topics: settings.topics, groupId: settings.groupId, opsPort: ops.port },
    'subscription cancellations started',
  );
}

void main();
