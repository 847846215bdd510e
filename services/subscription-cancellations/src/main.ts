import { ConfigError } from '@clawback/config';
import { checkKafkaAccessOrExit } from '@clawback/kafka';
import { createLogger } from '@clawback/logging';
import { checkRegistryAccessOrExit } from '@clawback/schema-registry';
import { MerchantsError } from '@clawback/merchants';
import {
  createHealthHandlers,
  startObservabilityServer,
  createShutdown,
} from '@clawback/observability';
import { CancellationError } from './cancellation-error';
import {
  type StartedFromEnv,
  startSubscriptionCancellationsFromEnv,
} from './service/start-from-env';

const SERVICE = 'subscription-cancellations';

/**
 * `npm run cancellations`: the service configured from the environment, with `/healthz`,
 * `/readyz` and `/metrics` on `OBSERVABILITY_PORT` (default 9467), stopped gracefully on
 * SIGTERM/SIGINT. A configuration error prints one line and exits with 1.
 */
async function main(): Promise<void> {
  // A wrong password or an untrusted certificate: one line and exit 1, not a retry loop.
  await checkKafkaAccessOrExit(SERVICE);
  await checkRegistryAccessOrExit(SERVICE);
  let started: StartedFromEnv;
  try {
    started = await startSubscriptionCancellationsFromEnv(process.env);
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof MerchantsError ||
      (error instanceof CancellationError && error.code === 'cancellation_settings_invalid')
    ) {
      process.stderr.write(`${SERVICE}: configuration error: ${error.message}\n`);
    } else {
      createLogger({ service: SERVICE }).fatal({ err: error }, 'failed to start');
    }
    process.exit(1);
  }
  const { service, settings, logger } = started;
  const ops = await startObservabilityServer({
    port: started.observabilityPort,
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
