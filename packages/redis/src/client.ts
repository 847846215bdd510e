import { readFileSync } from 'node:fs';
import type { RedisConfig } from '@clawback/config';
import type { Logger } from '@clawback/logging';
import { Redis, type RedisOptions } from 'ioredis';
import { toRedisError } from './redis-error';

/** Options for {@link createRedisClient}. */
export interface RedisClientOptions {
  /** Overrides the configured key prefix (tests pass a per-test prefix). */
  readonly keyPrefix?: string;
  /** Connection errors are logged here (ioredis reconnects by itself). */
  readonly logger?: Logger;
  /** Shown in `CLIENT LIST`. */
  readonly connectionName?: string;
  /**
   * ioredis's `enableAutoPipelining`: commands issued in the same event-loop turn go to the
   * server in one write and come back in one read. For many small concurrent commands (the
   * ingress's per-request lookups); each command still gets its own reply. Default off.
   */
  readonly autoPipelining?: boolean;
  /** Reads the TLS CA file; injectable for tests. */
  readonly readFile?: (path: string) => Buffer;
}

/** The ioredis options for a configuration: pure apart from reading the CA file. */
export function redisOptions(config: RedisConfig, options: RedisClientOptions = {}): RedisOptions {
  const readFile = options.readFile ?? ((path: string) => readFileSync(path));
  return {
    keyPrefix: options.keyPrefix ?? config.keyPrefix,
    ...(options.connectionName && { connectionName: options.connectionName }),
    ...(options.autoPipelining && { enableAutoPipelining: true }),
    // Fail a command after a few reconnect attempts rather than queueing it forever, so that
    // callers see a retriable error instead of hanging.
    maxRetriesPerRequest: 3,
    lazyConnect: true,
    ...(config.tls && {
      tls: {
        rejectUnauthorized: config.tls.rejectUnauthorized,
        ...(config.tls.caFile && { ca: [readFile(config.tls.caFile)] }),
      },
    }),
  };
}

/**
 * Connects an ioredis client for `REDIS_URL` (TLS for `rediss://`), with every key under the
 * configured prefix.
 *
 * @throws RedisError `redis_unavailable` (retriable) when the server cannot be reached.
 */
export async function createRedisClient(
  config: RedisConfig,
  options: RedisClientOptions = {},
): Promise<Redis> {
  let connected = false;
  const client = new Redis(config.url, {
    ...redisOptions(config, options),
    // Reconnect forever once connected; fail the first connect at once (the error is
    // retriable, the caller decides). ioredis would otherwise keep retrying in the background.
    retryStrategy: (times: number) => (connected ? Math.min(times * 100, 2000) : null),
  });
  // Without a listener ioredis prints every reconnect failure to stderr.
  client.on('error', (error: Error) =>
    options.logger?.warn({ err: error }, 'redis connection error'),
  );
  try {
    await client.connect();
    connected = true;
  } catch (error) {
    if (client.status !== 'end') client.disconnect();
    throw toRedisError(error, 'connecting to Redis');
  }
  return client;
}

/** Quits gracefully (pending replies arrive), or drops the connection after `timeoutMs`. */
export async function quitRedis(client: Redis, timeoutMs = 2000): Promise<void> {
  if (client.status === 'end') return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([client.quit().catch(() => 'failed' as const), timeout]);
    if (outcome !== 'OK') client.disconnect();
  } finally {
    clearTimeout(timer);
  }
}

/** A readiness check for `/readyz`: true when Redis answers PING. */
export function redisReadiness(client: Redis): () => Promise<boolean> {
  return async () => {
    try {
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    }
  };
}
