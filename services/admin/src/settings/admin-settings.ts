import {
  ConfigError,
  integerAtLeastFrom,
  kafkaNamePartFrom,
  type Env,
  type KafkaConfig,
} from '@clawback/config';
import { topicNames, type TopicNames } from '@clawback/kafka';
import { parseTokens, type TokenEntry } from '../auth/tokens';
import type { WatchedService } from '../console/console-context';

/** How the admin service runs (docs/operations.md). */
export interface AdminSettings {
  readonly host: string;
  readonly port: number;
  readonly tokens: readonly TokenEntry[];
  readonly topics: TopicNames;
  /** Prefix of the per-process consumer group that reads the topics from the beginning. */
  readonly groupIdPrefix: string;
  /** Transactional id of the command writer: `<prefix>-admin-<process id>`. */
  readonly transactionalIdPrefix: string;
  /** Base URL of commission-reversals' ledger HTTP API, when configured. */
  readonly commissionsUrl: string | null;
  /** Services whose `/readyz` and `/metrics` the console's health page reads. */
  readonly consoleServices?: readonly WatchedService[];
  /** Longest a resolve or redrive waits for Kafka before answering 503. */
  readonly writeTimeoutMs: number;
}

const TOKENS = 'ADMIN_TOKENS';

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function urlFrom(env: Env, name: string): string | null {
  const value = text(env, name);
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('config_invalid', name, 'is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(
      'config_invalid',
      name,
      `protocol ${url.protocol} is not http: or https:`,
    );
  return value.replace(/\/+$/, '');
}

/** `CONSOLE_SERVICES`: comma-separated `name=url` entries (each URL http: or https:). */
function servicesFrom(env: Env): WatchedService[] {
  return (text(env, 'CONSOLE_SERVICES') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [name = '', ...rest] = entry.split('=');
      const url = urlFrom({ CONSOLE_SERVICES: rest.join('=') }, 'CONSOLE_SERVICES');
      if (!/^[a-z0-9-]{1,40}$/.test(name) || url === null)
        throw new ConfigError('config_invalid', 'CONSOLE_SERVICES', 'entries are name=url');
      return { name, url };
    });
}

/**
 * Reads `ADMIN_HOST`, `ADMIN_PORT`, `ADMIN_TOKENS`, `ADMIN_GROUP_ID_PREFIX`,
 * `ADMIN_WRITE_TIMEOUT_MS`, `COMMISSIONS_URL` and `CONSOLE_SERVICES`; topics follow `KAFKA_TOPIC_PREFIX`.
 *
 * @throws ConfigError naming the variable (`ADMIN_TOKENS` when no token is configured or one
 *   is shorter than 16 characters).
 */
export function loadAdminSettings(
  env: Env,
  kafka: Pick<KafkaConfig, 'topicPrefix' | 'transactionalIdPrefix'>,
): AdminSettings {
  const port = integerAtLeastFrom(env, 'ADMIN_PORT', 8090, 0);
  if (port > 65535) throw new ConfigError('config_invalid', 'ADMIN_PORT', `${port} is not a port`);
  let tokens: TokenEntry[];
  try {
    tokens = parseTokens(text(env, TOKENS) ?? '');
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    throw new ConfigError(
      'config_invalid',
      TOKENS,
      `${problem} (comma-separated role:operatorId:token, role viewer or operator)`,
    );
  }
  return {
    host: text(env, 'ADMIN_HOST') ?? '127.0.0.1',
    port,
    tokens,
    topics: topicNames(kafka.topicPrefix),
    groupIdPrefix: kafkaNamePartFrom(env, 'ADMIN_GROUP_ID_PREFIX') ?? 'clawback-admin',
    transactionalIdPrefix: kafka.transactionalIdPrefix,
    commissionsUrl: urlFrom(env, 'COMMISSIONS_URL'),
    consoleServices: servicesFrom(env),
    writeTimeoutMs: integerAtLeastFrom(env, 'ADMIN_WRITE_TIMEOUT_MS', 10_000, 100),
  };
}
