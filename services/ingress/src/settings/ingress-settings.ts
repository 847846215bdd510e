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
  /**
   * Longest a client may take to send a whole request (headers and body); slower ones get 408
   * and their socket closed, so slow-body clients cannot hold file descriptors forever.
   * Default 15 s: providers send small bodies in one go.
   */
  readonly requestTimeoutMs: number;
}

/** Defaults of {@link IngressSettings}. */
export const DEFAULT_INGRESS_SETTINGS: IngressSettings = {
  bodyLimitBytes: 256 * 1024,
  publishTimeoutMs: 5_000,
  retryAfterSeconds: 30,
  dedupeTtlSeconds: 3 * 24 * 60 * 60,
  requestTimeoutMs: 15_000,
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
 * `INGRESS_DEDUPE_TTL_SECONDS` and `INGRESS_REQUEST_TIMEOUT_MS`. The dedupe window may not be shorter than two days, or
 * retried 2Checkout notifications would slip past it.
 */
export function loadIngressSettings(env: Env): IngressSettings {
  const d = DEFAULT_INGRESS_SETTINGS;
  return {
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
    requestTimeoutMs: integer(env, 'INGRESS_REQUEST_TIMEOUT_MS', d.requestTimeoutMs, 1000, 300_000),
  };
}
