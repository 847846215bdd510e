import {
  ConfigError,
  integerAtLeastFrom,
  kafkaNamePartFrom,
  type Env,
  type KafkaConfig,
} from '@clawback/config';
import { topicNames, type TopicNames } from '@clawback/kafka';
import { parseTokens, type TokenEntry } from '../auth/tokens';

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

/**
 * Reads `ADMIN_HOST`, `ADMIN_PORT`, `ADMIN_TOKENS`, `ADMIN_GROUP_ID_PREFIX`,
 * `ADMIN_WRITE_TIMEOUT_MS` and `COMMISSIONS_URL`; topics follow `KAFKA_TOPIC_PREFIX`.
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
    writeTimeoutMs: integerAtLeastFrom(env, 'ADMIN_WRITE_TIMEOUT_MS', 10_000, 100),
  };
}
