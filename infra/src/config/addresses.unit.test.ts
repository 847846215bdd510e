import { isClawbackError } from '@clawback/errors';
import {
  addressesFromEnv,
  isLoopbackHost,
  parseBrokerList,
  parseHostPort,
  parseServiceUrl,
  urlHost,
  urlPort,
} from './addresses';

const invalidConfig = (fn: () => unknown): boolean => {
  try {
    fn();
    return false;
  } catch (error) {
    return isClawbackError(error, 'invalid_config');
  }
};

describe('parseHostPort', () => {
  it('reads host:port and [ipv6]:port', () => {
    expect(parseHostPort('X', '127.0.0.1:19092')).toEqual({ host: '127.0.0.1', port: 19092 });
    expect(parseHostPort('X', 'kafka-1.internal:9093')).toEqual({
      host: 'kafka-1.internal',
      port: 9093,
    });
    expect(parseHostPort('X', '[::1]:9092')).toEqual({ host: '::1', port: 9092 });
  });

  it.each(['127.0.0.1', ':9092', 'host:', 'host:0', 'host:65536', 'host:12a', '::1:9092'])(
    'rejects %j',
    (text) => {
      expect(invalidConfig(() => parseHostPort('X', text))).toBe(true);
    },
  );
});

describe('parseBrokerList', () => {
  it('splits on commas and ignores blanks', () => {
    expect(parseBrokerList(' a:1, b:2 ,')).toEqual([
      { host: 'a', port: 1 },
      { host: 'b', port: 2 },
    ]);
  });

  it('rejects an empty list', () => {
    expect(invalidConfig(() => parseBrokerList(' , '))).toBe(true);
  });
});

describe('parseServiceUrl', () => {
  it('accepts the listed schemes only', () => {
    expect(parseServiceUrl('R', 'redis://127.0.0.1:6380', ['redis:']).port).toBe('6380');
    expect(invalidConfig(() => parseServiceUrl('R', 'http://x', ['redis:']))).toBe(true);
    expect(invalidConfig(() => parseServiceUrl('R', 'not a url', ['redis:']))).toBe(true);
  });

  it('gives the scheme default port when the URL names none', () => {
    expect(urlPort(new URL('redis://cache.internal'))).toBe(6379);
    expect(urlPort(new URL('https://registry.internal/apis/ccompat/v7'))).toBe(443);
    expect(urlHost(new URL('redis://[::1]:6379'))).toBe('::1');
  });
});

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]'])(
    '%s is loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each(['10.0.0.5', '0.0.0.0', 'kafka.internal', '128.0.0.1', '127.0.0.1.example.com'])(
    '%s is not',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );
});

describe('addressesFromEnv', () => {
  it('defaults to the local ports of docs/infra.md', () => {
    const addresses = addressesFromEnv({});
    expect(addresses.kafkaBrokers).toEqual([{ host: '127.0.0.1', port: 19092 }]);
    expect(addresses.schemaRegistryUrl.href).toBe('http://127.0.0.1:18081/apis/ccompat/v7');
    expect(addresses.redisUrl.href).toBe('redis://127.0.0.1:6379');
  });

  it('reads the same variables as the services', () => {
    const addresses = addressesFromEnv({
      KAFKA_BROKERS: 'b1:9092,b2:9092',
      SCHEMA_REGISTRY_URL: 'https://sr.internal',
      REDIS_URL: 'rediss://:secret@cache:6380/2',
    });
    expect(addresses.kafkaBrokers).toHaveLength(2);
    expect(addresses.schemaRegistryUrl.hostname).toBe('sr.internal');
    expect(addresses.redisUrl.password).toBe('secret');
  });
});
