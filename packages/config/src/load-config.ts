import { ConfigError } from './config-error';
import type { Env } from './env';
import { type KafkaConfig, loadKafkaConfig } from './kafka-config';
import { type RedisConfig, loadRedisConfig } from './redis-config';
import { type SchemaRegistryConfig, loadSchemaRegistryConfig } from './registry-config';
import {
  type IngressConfig,
  type LoggingConfig,
  type MerchantsConfig,
  type ObservabilityConfig,
  loadIngressConfig,
  loadLoggingConfig,
  loadMerchantsConfig,
  loadObservabilityConfig,
} from './service-config';

/** Every configuration section; a service loads only the ones it uses. */
export interface ClawbackConfig {
  readonly kafka: KafkaConfig;
  readonly schemaRegistry: SchemaRegistryConfig;
  readonly redis: RedisConfig;
  readonly logging: LoggingConfig;
  readonly ingress: IngressConfig;
  readonly observability: ObservabilityConfig;
  readonly merchants: MerchantsConfig;
}

/** Name of a configuration section. */
export type ConfigSection = keyof ClawbackConfig;

/** Per-service defaults that are not environment variables. */
export interface LoadConfigOptions {
  /** Default for `OBSERVABILITY_PORT`. */
  readonly observabilityPort?: number;
}

/**
 * Validates the named sections of `env` and returns them; a pure function of `env`.
 * Sections not asked for are not read, so e.g. only services that need merchants require
 * `CLAWBACK_MERCHANTS_FILE`.
 *
 * @throws ConfigError naming the first missing or invalid variable.
 */
export function loadConfig<S extends ConfigSection>(
  sections: readonly S[],
  env: Env,
  options: LoadConfigOptions = {},
): Pick<ClawbackConfig, S> {
  const loaders: { readonly [K in ConfigSection]: () => ClawbackConfig[K] } = {
    kafka: () => loadKafkaConfig(env),
    schemaRegistry: () => loadSchemaRegistryConfig(env),
    redis: () => loadRedisConfig(env),
    logging: () => loadLoggingConfig(env),
    ingress: () => loadIngressConfig(env),
    observability: () => loadObservabilityConfig(env, options.observabilityPort),
    merchants: () => loadMerchantsConfig(env),
  };
  const result: Partial<Record<ConfigSection, unknown>> = {};
  for (const section of sections) result[section] = loaders[section]();
  return result as Pick<ClawbackConfig, S>;
}

/** Side effects of {@link loadConfigOrExit}, injectable for tests. */
export interface ExitHooks {
  readonly env?: Env;
  readonly writeError?: (line: string) => void;
  readonly exit?: (code: number) => never;
}

/**
 * For a service's entry point: loads the sections, or prints one line naming the offending
 * variable on stderr and exits with status 1 (no stack trace: it is an operator's mistake,
 * not a bug).
 */
export function loadConfigOrExit<S extends ConfigSection>(
  service: string,
  sections: readonly S[],
  options: LoadConfigOptions & ExitHooks = {},
): Pick<ClawbackConfig, S> {
  const env = options.env ?? process.env;
  const writeError = options.writeError ?? ((line: string) => process.stderr.write(line));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  try {
    return loadConfig(sections, env, options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    writeError(`${service}: configuration error: ${error.message}\n`);
    return exit(1);
  }
}
