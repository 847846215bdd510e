import { loadConfig, type ClawbackConfig, type Env } from '@clawback/config';
import { createLogger, type Logger } from '@clawback/logging';
import { createMetricsRegistry, type Registry } from '@clawback/observability';

/** A consumer service's configuration, read from the environment the way operators set it. */
export interface ServiceEnvironment {
  readonly config: Pick<
    ClawbackConfig,
    'kafka' | 'schemaRegistry' | 'redis' | 'logging' | 'observability' | 'merchants'
  >;
  readonly logger: Logger;
  /** The service's metrics registry, with the process metrics. */
  readonly metricsRegistry: Registry;
}

/**
 * Reads what every consumer service started from the environment needs: Kafka, registry, Redis,
 * `LOG_LEVEL`, `OBSERVABILITY_PORT` (default `observabilityPort`) and `CLAWBACK_MERCHANTS_FILE`;
 * the service reads its own settings beside it.
 *
 * @throws ConfigError naming the offending variable.
 */
export function serviceEnvironment(
  env: Env,
  service: {
    readonly name: string;
    readonly observabilityPort: number;
    /** Overrides the logger created from `LOG_LEVEL`. */
    readonly logger?: Logger;
  },
): ServiceEnvironment {
  const config = loadConfig(
    ['kafka', 'schemaRegistry', 'redis', 'logging', 'observability', 'merchants'],
    env,
    { observabilityPort: service.observabilityPort },
  );
  return {
    config,
    logger: service.logger ?? createLogger({ service: service.name, level: config.logging.level }),
    metricsRegistry: createMetricsRegistry({ service: service.name }),
  };
}
