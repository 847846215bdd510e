import { ConfigError, type Env } from '@clawback/config';

/** Tunables of the ingress beyond its port (which `@clawback/config` reads). */
export interface IngressSettings {
  /** Largest accepted body; larger ones get 413. Default 256 KiB. */
  readonly bodyLimitBytes: number;
  /** How long Kafka may take to acknowledge a record before the provider gets 503. */
  readonly publishTimeoutMs: number;
  /** `Retry-After` seconds on a 503. */
  readonly retryAfterSeconds: number;
  /**
   * How long a published notification id is remembered for edge dedupe. Default 3 days:
   * 2Checkout retries for up to two days, plus a margin.
   */
  readonly dedupeTtlSeconds: number;
  /** Longest a client may take to send the request headers; slower sockets are closed. */
  readonly headersTimeoutMs: number;
  /** Longest a client may take to send the whole request (headers and body). */
  readonly requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  readonly keepAliveTimeoutMs: number;
  /**
   * Open connections allowed from one source address; a socket over it is destroyed at once,
   * so one slow or greedy client cannot use up the ingress's file descriptors.
   */
  readonly maxConnectionsPerSource: number;
  /** Open connections allowed in all; 0 means no global limit. */
  readonly maxConnections: number;
  /**
   * Idempotent producers per process, each owning a lane of the raw topic's partitions
   * (`partition % lanes`). Default 1: a producer sends one request per broker with every
   * partition's records (ADR 0004), so more lanes only cut each batch into smaller requests.
   * More lanes pay only where sends fall back to one request per partition.
   */
  readonly producerLanes: number;
}

/** Defaults of {@link IngressSettings}. */
export const DEFAULT_INGRESS_SETTINGS: IngressSettings = {
  bodyLimitBytes: 256 * 1024,
  publishTimeoutMs: 5_000,
  retryAfterSeconds: 30,
  dedupeTtlSeconds: 3 * 24 * 60 * 60,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnectionsPerSource: 64,
  maxConnections: 0,
  producerLanes: 1,
};

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const text = env[name]?.trim();
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new ConfigError(
      'config_invalid',
      name,
      `"${text}" is not an integer from ${min} to ${max}`,
    );
  }
  return Number(text);
}

/**
 * Reads `INGRESS_BODY_LIMIT_BYTES`, `INGRESS_PUBLISH_TIMEOUT_MS`, `INGRESS_RETRY_AFTER_SECONDS`
 * `INGRESS_DEDUPE_TTL_SECONDS`, `INGRESS_HEADERS_TIMEOUT_MS`, `INGRESS_REQUEST_TIMEOUT_MS`,
 * `INGRESS_KEEP_ALIVE_TIMEOUT_MS`, `INGRESS_MAX_CONNECTIONS_PER_SOURCE` and
 * `INGRESS_MAX_CONNECTIONS`, `INGRESS_PRODUCER_LANES`. The dedupe window may not be shorter than two days, or retried
 * 2Checkout notifications would slip past it; the header timeout may not exceed the request
 * timeout (node refuses that combination).
 */
export function loadIngressSettings(env: Env): IngressSettings {
  const d = DEFAULT_INGRESS_SETTINGS;
  const settings: IngressSettings = {
    bodyLimitBytes: integer(env, 'INGRESS_BODY_LIMIT_BYTES', d.bodyLimitBytes, 1024, 64 << 20),
    publishTimeoutMs: integer(env, 'INGRESS_PUBLISH_TIMEOUT_MS', d.publishTimeoutMs, 100, 120_000),
    retryAfterSeconds: integer(env, 'INGRESS_RETRY_AFTER_SECONDS', d.retryAfterSeconds, 1, 3600),
    dedupeTtlSeconds: integer(
      env,
      'INGRESS_DEDUPE_TTL_SECONDS',
      d.dedupeTtlSeconds,
      2 * 24 * 60 * 60,
      30 * 24 * 60 * 60,
    ),
    headersTimeoutMs: integer(env, 'INGRESS_HEADERS_TIMEOUT_MS', d.headersTimeoutMs, 100, 120_000),
    requestTimeoutMs: integer(env, 'INGRESS_REQUEST_TIMEOUT_MS', d.requestTimeoutMs, 100, 600_000),
    keepAliveTimeoutMs: integer(
      env,
      'INGRESS_KEEP_ALIVE_TIMEOUT_MS',
      d.keepAliveTimeoutMs,
      100,
      600_000,
    ),
    maxConnectionsPerSource: integer(
      env,
      'INGRESS_MAX_CONNECTIONS_PER_SOURCE',
      d.maxConnectionsPerSource,
      1,
      100_000,
    ),
    maxConnections: integer(env, 'INGRESS_MAX_CONNECTIONS', d.maxConnections, 0, 1_000_000),
    producerLanes: integer(env, 'INGRESS_PRODUCER_LANES', d.producerLanes, 1, 64),
  };
  if (settings.headersTimeoutMs > settings.requestTimeoutMs) {
    throw new ConfigError(
      'config_invalid',
      'INGRESS_HEADERS_TIMEOUT_MS',
      `${settings.headersTimeoutMs} exceeds INGRESS_REQUEST_TIMEOUT_MS (${settings.requestTimeoutMs})`,
    );
  }
  return settings;
}
