import { loadRedisConfig } from '@clawback/config';
import { ReplyError } from 'ioredis';
import { redisOptions } from './client';
import { escapeGlob } from './keys';
import { RedisError, toRedisError } from './redis-error';

const reply = (message: string): Error => new (ReplyError as new (m: string) => Error)(message);

describe('redisOptions', () => {
  it('uses the configured prefix, or the one given', () => {
    const config = loadRedisConfig({});
    expect(redisOptions(config).keyPrefix).toBe('clawback:');
    expect(redisOptions(config, { keyPrefix: 'test:1:' }).keyPrefix).toBe('test:1:');
    expect(redisOptions(config).tls).toBeUndefined();
  });

  it('pipelines automatically only when asked', () => {
    const config = loadRedisConfig({});
    expect(redisOptions(config).enableAutoPipelining).toBeUndefined();
    expect(redisOptions(config, { autoPipelining: true }).enableAutoPipelining).toBe(true);
  });

  it('turns TLS on for rediss:// with the CA file', () => {
    const config = loadRedisConfig({ REDIS_URL: 'rediss://r:6380', REDIS_TLS_CA_FILE: '/ca.pem' });
    const options = redisOptions(config, { readFile: () => Buffer.from('CA') });
    expect(options.tls).toEqual({ rejectUnauthorized: true, ca: [Buffer.from('CA')] });
  });
});

describe('toRedisError', () => {
  it('treats an unreachable server as retriable', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    expect(toRedisError(refused)).toMatchObject({ code: 'redis_unavailable', retriable: true });
    expect(toRedisError(new Error('Connection is closed.'))).toMatchObject({
      code: 'redis_unavailable',
    });
  });

  it('tells transient server replies from rejected commands', () => {
    expect(toRedisError(reply('LOADING Redis is loading'))).toMatchObject({
      code: 'redis_busy',
      retriable: true,
    });
    expect(toRedisError(reply('WRONGTYPE Operation against a key'), 'reading')).toMatchObject({
      code: 'redis_command_failed',
      retriable: false,
      message: 'reading: WRONGTYPE Operation against a key',
    });
  });

  it('passes RedisErrors through', () => {
    const error = new RedisError('redis_busy', 'x', { retriable: true });
    expect(toRedisError(error)).toBe(error);
  });
});

describe('escapeGlob', () => {
  it('escapes glob characters', () => {
    expect(escapeGlob('a*b?[c]\\')).toBe('a\\*b\\?\\[c\\]\\\\');
  });
});
