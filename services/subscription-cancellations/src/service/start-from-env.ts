import type { Env } from '@clawback/config';
import { serviceEnvironment } from '@clawback/exactly-once';
import type { Logger } from '@clawback/logging';
import { loadMerchantsFile } from '@clawback/merchants';
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
  const { config, logger, metricsRegistry } = serviceEnvironment(env, {
    name: 'subscription-cancellations',
    observabilityPort: 9467,
    ...options,
  });
  const settings = loadServiceSettings(env, config.kafka.topicPrefix);
  const merchants = loadMerchantsFile(config.merchants.merchantsFile, env);
  const metrics = createCancellationMetrics(metricsRegistry);
  const service = await startSubscriptionCancellations({
    config,
    settings,
    merchants,
    logger,
    metrics,
  });
  return { service, settings, observabilityPort: config.observability.port, logger };
}
