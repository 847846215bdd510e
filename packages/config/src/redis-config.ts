import { invalid } from './config-error';
import { type Env, flag, optional, url } from './env';

/** How to reach Redis. */
export interface RedisConfig {
  /** `redis://` or `rediss://` (TLS) URL, credentials included when needed. */
  readonly url: string;
  /** TLS settings, present exactly when the URL is `rediss://`. */
  readonly tls?: { readonly caFile?: string; readonly rejectUnauthorized: boolean };
  /** Prefix for every key this deployment writes (e.g. `clawback:`), so a Redis can be shared. */
  readonly keyPrefix: string;
}

/** Reads `REDIS_URL`, `REDIS_TLS_CA_FILE`, `REDIS_TLS_REJECT_UNAUTHORIZED`, `REDIS_KEY_PREFIX`. */
export function loadRedisConfig(env: Env): RedisConfig {
  const parsed = url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']);
  const caFile = optional(env, 'REDIS_TLS_CA_FILE');
  const rejectUnauthorized = flag(env, 'REDIS_TLS_REJECT_UNAUTHORIZED', true);
  const keyPrefix = optional(env, 'REDIS_KEY_PREFIX') ?? 'clawback:';
  if (/\s/.test(keyPrefix)) throw invalid('REDIS_KEY_PREFIX', 'must not contain whitespace');
  if (parsed.protocol === 'redis:') {
    if (caFile !== undefined)
      throw invalid('REDIS_TLS_CA_FILE', 'is set but REDIS_URL is not rediss://');
    return { url: parsed.href, keyPrefix };
  }
  return { url: parsed.href, tls: { ...(caFile && { caFile }), rejectUnauthorized }, keyPrefix };
}
