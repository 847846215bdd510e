import { type Env, oneOf, port, required } from './env';

/** pino's level names, plus `silent`. */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A log level as written in `LOG_LEVEL`. */
type LogLevel = (typeof logLevels)[number];

/** Logging settings. */
export interface LoggingConfig {
  readonly level: LogLevel;
}

/** The ingress's HTTP listener. */
export interface IngressConfig {
  readonly port: number;
}

/** The HTTP listener for /healthz, /readyz and /metrics of a non-HTTP service. */
export interface ObservabilityConfig {
  readonly port: number;
}

/** Where the merchants' JSON configuration lives (the file is read by whoever needs it). */
export interface MerchantsConfig {
  readonly merchantsFile: string;
}

/** Reads `LOG_LEVEL` (default `info`). */
export function loadLoggingConfig(env: Env): LoggingConfig {
  return { level: oneOf(env, 'LOG_LEVEL', logLevels) ?? 'info' };
}

/** Reads `INGRESS_PORT` (default 3000). */
export function loadIngressConfig(env: Env): IngressConfig {
  return { port: port(env, 'INGRESS_PORT', 3000) };
}

/**
 * Reads `OBSERVABILITY_PORT`. Each service has its own default so that all of them can run on
 * one machine without configuration.
 */
export function loadObservabilityConfig(env: Env, defaultPort = 9464): ObservabilityConfig {
  return { port: port(env, 'OBSERVABILITY_PORT', defaultPort) };
}

/** Reads `CLAWBACK_MERCHANTS_FILE`, required by the services that verify or act for merchants. */
export function loadMerchantsConfig(env: Env): MerchantsConfig {
  return {
    merchantsFile: required(env, 'CLAWBACK_MERCHANTS_FILE', 'path of the merchants JSON file'),
  };
}
