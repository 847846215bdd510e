import { ConfigError } from './config-error';
import type { Env } from './env';
import { loadConfig, loadConfigOrExit } from './load-config';

const all = [
  'kafka',
  'schemaRegistry',
  'redis',
  'logging',
  'ingress',
  'observability',
  'merchants',
] as const;

function errorFor(env: Env): ConfigError {
  try {
    loadConfig(all, { CLAWBACK_MERCHANTS_FILE: '/etc/merchants.json', ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig defaults', () => {
  it('gives the local development addresses when nothing is set', () => {
    const config = loadConfig(['kafka', 'schemaRegistry', 'redis', 'logging', 'ingress'], {});
    expect(config.kafka).toEqual({
      brokers: ['127.0.0.1:19092'],
      clientId: 'clawback',
      transactionalIdPrefix: 'clawback',
      topicPrefix: '',
      replicationFactor: 1,
      minInSyncReplicas: 1,
    });
    expect(config.schemaRegistry).toEqual({ url: 'http://127.0.0.1:18081/apis/ccompat/v7' });
    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6379', keyPrefix: 'clawback:' });
    expect(config.logging.level).toBe('info');
    expect(config.ingress.port).toBe(3000);
  });

  it('reads only the sections asked for', () => {
    expect(loadConfig(['logging'], { KAFKA_BROKERS: 'nonsense' })).toEqual({
      logging: { level: 'info' },
    });
  });

  it('requires the merchants file only where merchants are asked for', () => {
    expect(() => loadConfig(['kafka'], {})).not.toThrow();
    expect(() => loadConfig(['merchants'], {})).toThrow(
      expect.objectContaining({ code: 'config_missing', variable: 'CLAWBACK_MERCHANTS_FILE' }),
    );
  });

  it('reads a full production-style environment', () => {
    const config = loadConfig(['kafka', 'redis', 'schemaRegistry'], {
      KAFKA_BROKERS: 'b1.example:9093, b2.example:9093',
      KAFKA_CLIENT_ID: 'ingress-1',
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: 'svc',
      KAFKA_SASL_PASSWORD: 'pw',
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: '/etc/ca.pem',
      KAFKA_REPLICATION_FACTOR: '3',
      KAFKA_MIN_INSYNC_REPLICAS: '2',
      REDIS_URL: 'rediss://:pw@redis.example:6380/2',
      REDIS_TLS_CA_FILE: '/etc/redis-ca.pem',
      SCHEMA_REGISTRY_URL: 'https://registry.example/apis/ccompat/v7/',
      SCHEMA_REGISTRY_USERNAME: 'u',
      SCHEMA_REGISTRY_PASSWORD: 'p',
    });
    expect(config.kafka.brokers).toEqual(['b1.example:9093', 'b2.example:9093']);
    expect(config.kafka.sasl).toEqual({
      mechanism: 'scram-sha-512',
      username: 'svc',
      password: 'pw',
    });
    expect(config.kafka.tls).toEqual({ caFile: '/etc/ca.pem', rejectUnauthorized: true });
    expect(config.kafka.minInSyncReplicas).toBe(2);
    expect(config.redis.tls).toEqual({ caFile: '/etc/redis-ca.pem', rejectUnauthorized: true });
    expect(config.schemaRegistry.url).toBe('https://registry.example/apis/ccompat/v7');
    expect(config.schemaRegistry.auth).toEqual({ username: 'u', password: 'p' });
  });
});

describe('configuration errors name the offending variable', () => {
  it.each<[string, Env, string, 'config_missing' | 'config_invalid']>([
    ['broker without port', { KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS', 'config_invalid'],
    ['empty broker in list', { KAFKA_BROKERS: 'a:1,,b:2' }, 'KAFKA_BROKERS', 'config_invalid'],
    ['broker port out of range', { KAFKA_BROKERS: 'a:70000' }, 'KAFKA_BROKERS', 'config_invalid'],
    ['client id with spaces', { KAFKA_CLIENT_ID: 'my app' }, 'KAFKA_CLIENT_ID', 'config_invalid'],
    [
      'transactional id prefix with a slash',
      { KAFKA_TRANSACTIONAL_ID_PREFIX: 'a/b' },
      'KAFKA_TRANSACTIONAL_ID_PREFIX',
      'config_invalid',
    ],
    ['bad topic prefix', { KAFKA_TOPIC_PREFIX: 'a/b' }, 'KAFKA_TOPIC_PREFIX', 'config_invalid'],
    [
      'unknown SASL mechanism',
      { KAFKA_SASL_MECHANISM: 'gssapi' },
      'KAFKA_SASL_MECHANISM',
      'config_invalid',
    ],
    [
      'SASL without username',
      { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_PASSWORD: 'x' },
      'KAFKA_SASL_USERNAME',
      'config_missing',
    ],
    [
      'SASL without password',
      { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'x' },
      'KAFKA_SASL_PASSWORD',
      'config_missing',
    ],
    [
      'credentials without mechanism',
      { KAFKA_SASL_USERNAME: 'x' },
      'KAFKA_SASL_MECHANISM',
      'config_missing',
    ],
    ['SSL flag not a boolean', { KAFKA_SSL: 'yes' }, 'KAFKA_SSL', 'config_invalid'],
    [
      'CA file without SSL',
      { KAFKA_SSL_CA_FILE: '/ca.pem' },
      'KAFKA_SSL_CA_FILE',
      'config_invalid',
    ],
    [
      'certificate without key',
      { KAFKA_SSL: 'true', KAFKA_SSL_CERT_FILE: '/c.pem' },
      'KAFKA_SSL_KEY_FILE',
      'config_missing',
    ],
    [
      'replication factor zero',
      { KAFKA_REPLICATION_FACTOR: '0' },
      'KAFKA_REPLICATION_FACTOR',
      'config_invalid',
    ],
    [
      'min ISR above replication',
      { KAFKA_MIN_INSYNC_REPLICAS: '2' },
      'KAFKA_MIN_INSYNC_REPLICAS',
      'config_invalid',
    ],
    [
      'registry URL not a URL',
      { SCHEMA_REGISTRY_URL: 'registry:8081' },
      'SCHEMA_REGISTRY_URL',
      'config_invalid',
    ],
    [
      'registry URL wrong protocol',
      { SCHEMA_REGISTRY_URL: 'ftp://r/' },
      'SCHEMA_REGISTRY_URL',
      'config_invalid',
    ],
    [
      'registry username alone',
      { SCHEMA_REGISTRY_USERNAME: 'u' },
      'SCHEMA_REGISTRY_PASSWORD',
      'config_missing',
    ],
    [
      'Redis URL wrong protocol',
      { REDIS_URL: 'http://127.0.0.1:6379' },
      'REDIS_URL',
      'config_invalid',
    ],
    ['Redis URL garbage', { REDIS_URL: '::' }, 'REDIS_URL', 'config_invalid'],
    [
      'Redis CA without TLS',
      { REDIS_TLS_CA_FILE: '/ca.pem' },
      'REDIS_TLS_CA_FILE',
      'config_invalid',
    ],
    [
      'Redis reject flag typo',
      { REDIS_URL: 'rediss://r:1', REDIS_TLS_REJECT_UNAUTHORIZED: 'ture' },
      'REDIS_TLS_REJECT_UNAUTHORIZED',
      'config_invalid',
    ],
    ['Redis prefix with spaces', { REDIS_KEY_PREFIX: 'a b' }, 'REDIS_KEY_PREFIX', 'config_invalid'],
    ['port not a number', { INGRESS_PORT: 'http' }, 'INGRESS_PORT', 'config_invalid'],
    ['port too large', { INGRESS_PORT: '65536' }, 'INGRESS_PORT', 'config_invalid'],
    ['negative port', { OBSERVABILITY_PORT: '-1' }, 'OBSERVABILITY_PORT', 'config_invalid'],
    ['unknown log level', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL', 'config_invalid'],
    [
      'blank merchants file',
      { CLAWBACK_MERCHANTS_FILE: '  ' },
      'CLAWBACK_MERCHANTS_FILE',
      'config_missing',
    ],
  ])('%s', (_case, env, variable, code) => {
    const error = errorFor(env);
    expect(error.variable).toBe(variable);
    expect(error.code).toBe(code);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
    expect(error.retriable).toBe(false);
  });

  it('never prints a secret from a URL', () => {
    const error = errorFor({ REDIS_URL: 'redis://:hunter2@:bad port' });
    expect(error.message).not.toContain('hunter2');
  });
});

describe('loadConfigOrExit', () => {
  it('prints one line naming the variable and exits with 1', () => {
    const lines: string[] = [];
    const exit = jest.fn((code: number): never => {
      throw new Error(`exit ${code}`);
    });
    expect(() =>
      loadConfigOrExit('ingress', ['ingress'], {
        env: { INGRESS_PORT: 'eighty' },
        writeError: (line) => lines.push(line),
        exit,
      }),
    ).toThrow('exit 1');
    expect(exit).toHaveBeenCalledWith(1);
    expect(lines).toEqual([
      'ingress: configuration error: INGRESS_PORT: "eighty" is not a port number (0-65535)\n',
    ]);
  });

  it('returns the configuration when it is valid', () => {
    const config = loadConfigOrExit('worker', ['observability'], {
      env: {},
      observabilityPort: 9470,
      exit: () => {
        throw new Error('must not exit');
      },
    });
    expect(config.observability.port).toBe(9470);
  });
});
