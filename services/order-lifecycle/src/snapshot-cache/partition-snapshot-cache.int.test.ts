import { deleteKeysByPrefix, type Redis } from '@clawback/redis';
import { createTestContext, type TestContext } from '@clawback/test-harness';
import { partitionCacheKeys } from './cache-keys';
import {
  partitionSnapshotCache,
  regressed,
  type PartitionSnapshotCache,
} from './partition-snapshot-cache';

describe('partition snapshot cache (real Redis)', () => {
  let context: TestContext;
  let redis: Redis;
  let cache: PartitionSnapshotCache;

  beforeEach(async () => {
    context = await createTestContext({ topics: [] });
    redis = await context.redis();
    cache = partitionSnapshotCache(redis, partitionCacheKeys('state', 2));
  });
  afterEach(() => context.dispose());

  const write = (
    orderKey: string,
    stateOffset: string,
    value: string,
    parkedSince: number | null = null,
  ) => ({
    orderKey,
    stateOffset,
    value: Buffer.from(value),
    parkedSince,
  });

  it('given writes chained by lineage, when read with the last lineage, then the newest snapshot per order is returned', async () => {
    const first = await cache.write(
      null,
      [write('a', '5', 'a@5'), write('b', '6', 'b@6', 1000)],
      '7',
    );
    expect(first).not.toBe(regressed);
    const second = await cache.write(first as string, [
      write('a', '3', 'a@3'),
      write('a', '9', 'a@9'),
    ]);
    const read = await cache.read(second as string, ['a', 'b', 'c']);
    expect(read).not.toBe(regressed);
    const values = read as ReadonlyMap<string, Buffer>;
    expect(Object.fromEntries([...values].map(([k, v]) => [k, v.toString()]))).toEqual({
      a: 'a@9',
      b: 'b@6',
    });
    expect(await cache.head()).toEqual({ lineage: second, caughtUpTo: '7' });
    expect(await cache.parked(second as string)).toEqual(new Map([['b', 1000]]));
  });

  it('given an older lineage, when reading or writing, then the cache reports it moved and changes nothing', async () => {
    const first = (await cache.write(null, [write('a', '1', 'a@1')], '2')) as string;
    const second = (await cache.write(first, [write('a', '4', 'a@4')], '5')) as string;
    expect(await cache.read(first, ['a'])).toBe(regressed);
    expect(await cache.write(first, [write('a', '8', 'a@8')], '9')).toBe(regressed);
    expect(await cache.head()).toEqual({ lineage: second, caughtUpTo: '5' });
  });

  it('given the keys were wiped, when read with the lineage seen before, then the cache reports it moved', async () => {
    const lineage = (await cache.write(null, [write('a', '1', 'a@1')], '2')) as string;
    await deleteKeysByPrefix(redis, '');
    expect(await cache.read(lineage, ['a'])).toBe(regressed);
    expect(await cache.head()).toEqual({ lineage: null, caughtUpTo: null });
  });

  it('given a snapshot that leaves parking, when written, then the order leaves the parked set', async () => {
    const first = (await cache.write(null, [write('a', '1', 'a@1', 500)])) as string;
    const second = (await cache.write(first, [write('a', '2', 'a@2', null)])) as string;
    expect(await cache.parked(second)).toEqual(new Map());
  });
});
