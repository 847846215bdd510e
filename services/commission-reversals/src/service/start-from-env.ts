import type { Env } from '@clawback/config';
import { serviceEnvironment } from '@clawback/exactly-once';
import type { Logger } from '@clawback/logging';
import { loadMerchantsFile } from '@clawback/merchants';
import { createCommissionMetrics } from '../metrics/commission-metrics';
import { type CommissionSettings, loadCommissionSettings } from '../settings/commission-settings';
import {
  type RunningCommissionReversals,
  startCommissionReversals,
} from './start-commission-reversals';

/** The default `OBSERVABILITY_PORT` of this service (read API and health routes). */
const DEFAULT_HTTP_PORT = 9466;

/** The service started from an environment, with what it was configured with. */
export interface StartedFromEnv {
  readonly service: RunningCommissionReversals;
  readonly settings: CommissionSettings;
  readonly logger: Logger;
}

/**
 * Starts the service from environment variables, as `npm run commissions` does (Kafka,
 * registry, Redis, `LOG_LEVEL`, `CLAWBACK_MERCHANTS_FILE`, `OBSERVABILITY_PORT` for the read
 * API and health routes, `COMMISSIONS_*`).
 *
 * @throws ConfigError, MerchantsError or CommissionError `commission_settings_invalid` for
 *   configuration mistakes, naming the variable or the merchants-file path.
 */
export async function startCommissionReversalsFromEnv(
  env: Env,
  options: { readonly logger?: Logger } = {},
): Promise<StartedFromEnv> {
  const { config, logger, metricsRegistry } = serviceEnvironment(env, {
    name: 'commission-reversals',
    observabilityPort: DEFAULT_HTTP_PORT,
    ...options,
  });
  const settings = loadCommissionSettings(env, config.kafka);
  const merchants = loadMerchantsFile(config.merchants.merchantsFile, env);
  const metrics = createCommissionMetrics(metricsRegistry);
  const service = await startCommissionReversals({
    config,
    settings,
    merchants,
    logger,
    metrics,
    http: { port: config.observability.port },
  });
  return { service, settings, logger };
}
