import { type Env, loadConfig } from '@clawback/config';
import { type Logger, createLogger } from '@clawback/logging';
import { loadMerchantsFile } from '@clawback/merchants';
import { createMetricsRegistry } from '@clawback/observability';
import { createCancellationMetrics } from '../metrics/cancellation-metrics';
import {
  type CancellationServiceSettings,
  loadServiceSettings,
} from '../settings/service-settings';
import {
  type RunningSubscriptionCancellations,
  startSubscriptionCancellations,
} from './start-subscription-cancellations';

/** The service started from an environment, with what it was configured with. */
export interface StartedFromEnv {
  readonly service: RunningSubscriptionCancellations;
  readonly settings: CancellationServiceSettings;
  /** `OBSERVABILITY_PORT` (default 9467). */
  readonly observabilityPort: number;
  readonly logger: Logger;
}

/**
 * Starts the service from environment variables, as `npm run cancellations` does (Kafka,
 * registry, Redis, `LOG_LEVEL`, `CLAWBACK_MERCHANTS_FILE`, `CANCELLATIONS_*`): for demos and
 * end-to-end tests that configure services the way operators do.
 *
 * @throws ConfigError, MerchantsError or CancellationError `cancellation_settings_invalid`
 *   for configuration mistakes, naming the variable or the merchants-file path.
 */
export async function startSubscriptionCancellationsFromEnv(
  env: Env,
  options: { readonly logger?: Logger } = {},
): Promise<StartedFromEnv> {
  const config = loadConfig(
    ['kafka', 'schemaRegistry', 'redis', 'logging', 'observability', 'merchants'],
    env,
    { observabilityPort: 9467 },
  );
  const settings = loadServiceSettings(env, config.kafka.topicPrefix);
  const merchants = loadMerchantsFile(config.merchants.merchantsFile, env);
  const logger =
    options.logger ??
    createLogger({ service: 'subscription-cancellations', level: config.logging.level });
  const metrics = createCancellationMetrics(
    createMetricsRegistry({ service: 'subscription-cancellations' }),
  );
  const service = await startSubscriptionCancellations({
    config,
    settings,
    merchants,
    logger,
    metrics,
  });
  return { service, settings, observabilityPort: config.observability.port, logger };
}
