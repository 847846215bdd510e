import { ConfigError, loadConfigOrExit } from '@clawback/config';
import { checkKafkaAccessOrExit } from '@clawback/kafka';
import { createLogger } from '@clawback/logging';
import { checkRegistryAccessOrExit } from '@clawback/schema-registry';
import { loadMerchantNormalization } from './merchants/load-merchant-normalization';
import { startOpsServer } from './service/ops-server';
import { startOrderLifecycle } from './service/start-order-lifecycle';
import { loadLifecycleSettings, type LifecycleSettings } from './settings/lifecycle-settings';
import { createShutdown } from '@clawback/observability';

/** `npm run lifecycle`: the order-lifecycle consumer, configured from the environment. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(
    'order-lifecycle',
    ['kafka', 'schemaRegistry', 'redis', 'logging', 'observability'],
    { observabilityPort: 9465 },
  );
  const settings = settingsOrExit(config.kafka.topicPrefix);
  // A wrong password or an untrusted certificate: one line and exit 1, not a retry loop.
  await checkKafkaAccessOrExit('order-lifecycle');
  await checkRegistryAccessOrExit('order-lifecycle');
  const logger = createLogger({ service: 'order-lifecycle', level: config.logging.level });
  const shutdown = createShutdown({ logger, timeoutMs: settings.transactionTimeoutMs });
  try {
    const normalizeOptionsFor = loadMerchantNormalization(process.env, logger);
    const lifecycle = await startOrderLifecycle({
      config,
      settings,
      logger,
      ...(normalizeOptionsFor && { normalizeOptionsFor }),
    });
    const ops = await startOpsServer({
      port: config.observability.port,
      registry: lifecycle.metrics.registry,
      ready: () => lifecycle.ready(),
    });
    // Closers run newest first: the consumer finishes (commits or aborts) before ops go away.
    shutdown.onShutdown('ops server', () => ops.close());
    shutdown.onShutdown('order lifecycle', () => lifecycle.stop());
    logger.info(
      { topics: settings.topics, groupId: settings.groupId, opsPort: ops.port },
      'order lifecycle started',
    );
  } catch (error) {
    logger.fatal({ err: error }, 'order lifecycle failed to start');
    process.exit(1);
  }
}

function settingsOrExit(topicPrefix: string): LifecycleSettings {
  try {
    return loadLifecycleSettings(process.env, topicPrefix);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`order-lifecycle: configuration error: ${error.message}\n`);
    return process.exit(1);
  }
}

void main();
