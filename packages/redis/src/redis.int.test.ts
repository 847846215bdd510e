import { loadRedisConfig } from '@clawback/config';
import { type TestContext, createTestContext } from '@clawback/test-harness';
import { createRedisClient, quitRedis, redisReadiness } from './client';
import { deleteKeysByPrefix } from './keys';
import type { Redis } from 'ioredis';

let ctx: TestContext;
let raw: Redis;

beforeEach(async () => {
  ctx = await createTestContext({ topics: [] });
  // No key prefix: sees the real key names.
  raw = await createRedisClient(ctx.config.redis, { keyPrefix: '' });
});

afterEach(async () => {
  await quitRedis(raw);
  await ctx.dispose();
});

describe('Redis (real server)', () => {
  it('round-trips values under the per-test key prefix', async () => {
    const redis = await ctx.redis();
    await redis.hset('ledger:aff-1', { balance: '-1250', currency: 'EUR' });
    await redis.rpush('entries:aff-1', 'e1', 'e2');

    expect(await redis.hgetall('ledger:aff-1')).toEqual({ balance: '-1250', currency: 'EUR' });
    expect(await redis.lrange('entries:aff-1', 0, -1)).toEqual(['e1', 'e2']);
    const fullPrefix = `${ctx.config.redis.keyPrefix}${ctx.redisKeyPrefix}`;
    expect((await raw.keys(`${fullPrefix}*`)).sort()).toEqual([
      `${fullPrefix}entries:aff-1`,
      `${fullPrefix}ledger:aff-1`,
    ]);
    expect(await redisReadiness(redis)()).toBe(true);
  });

  it('deletes exactly the keys under a prefix, glob characters taken literally', async () => {
    const base = `${ctx.config.redis.keyPrefix}${ctx.redisKeyPrefix}`;
    await raw.set(`${base}a*:1`, 'x');
    await raw.set(`${base}a*:2`, 'x');
    await raw.set(`${base}ab:1`, 'keep');
    const redis = await ctx.redis();

    expect(await deleteKeysByPrefix(redis, 'a*')).toBe(2);
    expect(await raw.keys(`${base}*`)).toEqual([`${base}ab:1`]);
  });

  it("removes a test's keys when the context is disposed", async () => {
    const local = await createTestContext({ topics: [] });
    await (await local.redis()).set('projection', '1');
    const pattern = `${local.config.redis.keyPrefix}${local.redisKeyPrefix}*`;
    expect(await raw.keys(pattern)).toHaveLength(1);

    await local.dispose();
    expect(await raw.keys(pattern)).toEqual([]);
  });

  it('reports an unreachable server as a retriable error', async () => {
    const config = loadRedisConfig({ REDIS_URL: 'redis://127.0.0.1:1' });
    await expect(createRedisClient(config)).rejects.toMatchObject({
      code: 'redis_unavailable',
      retriable: true,
    });
  });
});
