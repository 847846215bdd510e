import { invalid, missing } from './config-error';
import { type Env, flag, oneOf, optional, positiveInt } from './env';

/** SASL mechanisms kafkajs supports with a username and a password. */
const saslMechanisms = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

/** A SASL mechanism name as written in `KAFKA_SASL_MECHANISM`. */
type SaslMechanism = (typeof saslMechanisms)[number];

/** SASL credentials for the brokers. */
interface KafkaSaslConfig {
  readonly mechanism: SaslMechanism;
  readonly username: string;
  readonly password: string;
}

/** TLS towards the brokers; files are read by `@clawback/kafka` when the client is built. */
interface KafkaTlsConfig {
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly rejectUnauthorized: boolean;
}

/** Everything needed to reach Kafka and to shape topics. */
export interface KafkaConfig {
  /** `host:port` bootstrap addresses. */
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly sasl?: KafkaSaslConfig;
  readonly tls?: KafkaTlsConfig;
  /**
   * Start of every transactional id (`<prefix>-<topic>-<partition>`): stable across restarts,
   * unique per deployment sharing a cluster.
   */
  readonly transactionalIdPrefix: string;
  /** Prepended to every topic name (`<prefix>.<topic>`); empty in production. */
  readonly topicPrefix: string;
  /** Replication factor for topics we create. */
  readonly replicationFactor: number;
  /** `min.insync.replicas` for topics we create; with acks=all, writes need this many copies. */
  readonly minInSyncReplicas: number;
}

const defaultBrokers = '127.0.0.1:19092';

/** Reads the `KAFKA_*` variables. */
export function loadKafkaConfig(env: Env): KafkaConfig {
  const replicationFactor = positiveInt(env, 'KAFKA_REPLICATION_FACTOR', 1, 32);
  const minInSyncReplicas = positiveInt(env, 'KAFKA_MIN_INSYNC_REPLICAS', 1, 32);
  if (minInSyncReplicas > replicationFactor) {
    throw invalid(
      'KAFKA_MIN_INSYNC_REPLICAS',
      `${minInSyncReplicas} exceeds KAFKA_REPLICATION_FACTOR ${replicationFactor}: no write could succeed`,
    );
  }
  const sasl = loadSasl(env);
  const tls = loadTls(env);
  return {
    brokers: parseBrokers(optional(env, 'KAFKA_BROKERS') ?? defaultBrokers),
    clientId: parseIdPart('KAFKA_CLIENT_ID', optional(env, 'KAFKA_CLIENT_ID') ?? 'clawback'),
    ...(sasl && { sasl }),
    ...(tls && { tls }),
    transactionalIdPrefix: parseIdPart(
      'KAFKA_TRANSACTIONAL_ID_PREFIX',
      optional(env, 'KAFKA_TRANSACTIONAL_ID_PREFIX') ?? 'clawback',
    ),
    topicPrefix: parseTopicPrefix(optional(env, 'KAFKA_TOPIC_PREFIX') ?? ''),
    replicationFactor,
    minInSyncReplicas,
  };
}

function parseBrokers(text: string): readonly string[] {
  const brokers = text.split(',').map((entry) => entry.trim());
  for (const broker of brokers) {
    const match = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\]):(\d{1,5})$/.exec(broker);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 65535) {
      throw invalid('KAFKA_BROKERS', `"${broker}" is not host:port (expected a comma list)`);
    }
  }
  return brokers;
}

function parseIdPart(variable: string, text: string): string {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(text)) {
    throw invalid(variable, `"${text}" may only contain letters, digits, ".", "_", "-"`);
  }
  return text;
}

function parseTopicPrefix(text: string): string {
  if (text !== '' && !/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/.test(text)) {
    throw invalid('KAFKA_TOPIC_PREFIX', `"${text}" is not a valid topic-name prefix`);
  }
  return text;
}

function loadSasl(env: Env): KafkaSaslConfig | undefined {
  const mechanism = oneOf(env, 'KAFKA_SASL_MECHANISM', saslMechanisms);
  const username = optional(env, 'KAFKA_SASL_USERNAME');
  const password = optional(env, 'KAFKA_SASL_PASSWORD');
  if (mechanism === undefined) {
    if (username !== undefined || password !== undefined) {
      throw missing('KAFKA_SASL_MECHANISM', 'credentials are set but no mechanism');
    }
    return undefined;
  }
  if (username === undefined) throw missing('KAFKA_SASL_USERNAME', `SASL ${mechanism} is on`);
  if (password === undefined) throw missing('KAFKA_SASL_PASSWORD', `SASL ${mechanism} is on`);
  return { mechanism, username, password };
}

function loadTls(env: Env): KafkaTlsConfig | undefined {
  const on = flag(env, 'KAFKA_SSL', false);
  const caFile = optional(env, 'KAFKA_SSL_CA_FILE');
  const certFile = optional(env, 'KAFKA_SSL_CERT_FILE');
  const keyFile = optional(env, 'KAFKA_SSL_KEY_FILE');
  const rejectUnauthorized = flag(env, 'KAFKA_SSL_REJECT_UNAUTHORIZED', true);
  if (!on) {
    const stray = [
      ['KAFKA_SSL_CA_FILE', caFile],
      ['KAFKA_SSL_CERT_FILE', certFile],
      ['KAFKA_SSL_KEY_FILE', keyFile],
    ].find(([, value]) => value !== undefined);
    if (stray) throw invalid(stray[0] as string, 'is set but KAFKA_SSL is not true');
    return undefined;
  }
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw missing(
      certFile === undefined ? 'KAFKA_SSL_CERT_FILE' : 'KAFKA_SSL_KEY_FILE',
      'a client certificate needs both a certificate and a key file',
    );
  }
  return {
    ...(caFile && { caFile }),
    ...(certFile && { certFile }),
    ...(keyFile && { keyFile }),
    rejectUnauthorized,
  };
}
