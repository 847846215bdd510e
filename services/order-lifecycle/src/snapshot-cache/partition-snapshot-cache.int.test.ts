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

  describe('given orders written, some parked, when any one key is lost', () => {
    const keys = partitionCacheKeys('state', 2);
    const orders = ['a', 'b', 'c'];

    async function written(): Promise<string> {
      const first = (await cache.write(
        null,
        [write('a', '1', 'a@1', 100), write('b', '2', 'b@2'), write('c', '3', 'c@3', 300)],
        '4',
      )) as string;
      return (await cache.write(first, [write('b', '5', 'b@5', 500)], '6')) as string;
    }

    it.each(orders)(
      'then reading order %s (alone or with the others) is regressed, never "no snapshot"',
      async (lost) => {
        const lineage = await written();
        expect(await redis.del(keys.order(lost))).toBe(1);
        expect(await cache.read(lineage, [lost])).toBe(regressed);
        // The failed read marked the cache incomplete: no read trusts it, and catch-up restarts from 0.
        expect(await cache.read(lineage, ['x'])).toBe(regressed);
        expect(await cache.head()).toEqual({ lineage: null, caughtUpTo: '6' });
      },
    );

    it('then a read of only other orders still answers, and the lost one is caught on its read', async () => {
      const lineage = await written();
      await redis.del(keys.order('a'));
      const read = (await cache.read(lineage, ['b', 'c', 'new'])) as ReadonlyMap<string, Buffer>;
      expect([...read.keys()].sort()).toEqual(['b', 'c']);
      expect(await cache.read(lineage, ['b', 'a'])).toBe(regressed);
    });

    it('then the lost manifest makes every read, parked read and write regressed', async () => {
      const lineage = await written();
      expect(await redis.del(keys.manifest)).toBe(1);
      expect(await cache.read(lineage, orders)).toBe(regressed);
      expect(await cache.read(lineage, ['new'])).toBe(regressed);
      expect(await cache.parked(lineage)).toBe(regressed);
      expect(await cache.write(lineage, [write('d', '7', 'd@7')], '8')).toBe(regressed);
      expect(await cache.head()).toEqual({ lineage: null, caughtUpTo: null });
    });

    it('then the lost parked set makes the parked read regressed, also after later writes', async () => {
      const lineage = await written();
      expect(await cache.parked(lineage)).toEqual(
        new Map([
          ['a', 100],
          ['b', 500],
          ['c', 300],
        ]),
      );
      expect(await redis.del(keys.parked)).toBe(1);
      const later = (await cache.write(lineage, [write('d', '7', 'd@7', 700)], '8')) as string;
      expect(later).not.toBe(regressed);
      expect(await cache.parked(later)).toBe(regressed);
    });

    it('then a later write with the old lineage does not make the lost order readable as new', async () => {
      const lineage = await written();
      await redis.del(keys.order('c'));
      const later = (await cache.write(lineage, [write('d', '7', 'd@7')], '8')) as string;
      expect(later).not.toBe(regressed);
      expect(await cache.read(later, ['c'])).toBe(regressed);
    });

    it('then a rebuild from nothing (as a catch-up from offset 0 writes) restores every order and the parked set', async () => {
      const lineage = await written();
      await redis.del(keys.order('a'));
      expect(await cache.read(lineage, ['a'])).toBe(regressed);
      expect((await cache.head()).lineage).toBeNull();
      // The state topic, compacted: the newest snapshot per order.
      const rebuilt = (await cache.write(null, [
        write('a', '1', 'a@1', 100),
        write('c', '3', 'c@3', 300),
        write('b', '5', 'b@5', 500),
      ])) as string;
      const done = (await cache.write(rebuilt, [], '6')) as string;
      const read = (await cache.read(done, orders)) as ReadonlyMap<string, Buffer>;
      expect(Object.fromEntries([...read].map(([k, v]) => [k, v.toString()]))).toEqual({
        a: 'a@1',
        b: 'b@5',
        c: 'c@3',
      });
      expect(await cache.parked(done)).toEqual(
        new Map([
          ['a', 100],
          ['b', 500],
          ['c', 300],
        ]),
      );
    });

    it('then a rebuild drops manifest entries of orders the state topic no longer has', async () => {
      const lineage = await written();
      await redis.del(keys.order('a'));
      expect(await cache.read(lineage, ['a'])).toBe(regressed);
      // Say a and c were tombstoned and compacted away: the topic holds only b.
      const rebuilt = (await cache.write(null, [write('b', '5', 'b@5', 500)], '6')) as string;
      const read = (await cache.read(rebuilt, orders)) as ReadonlyMap<string, Buffer>;
      expect([...read.keys()]).toEqual(['b']);
      expect(await cache.parked(rebuilt)).toEqual(new Map([['b', 500]]));
    });
  });

  it('given a tombstone, when written, then the order reads as absent and leaves the manifest', async () => {
    const first = (await cache.write(null, [write('a', '1', 'a@1', 5)])) as string;
    const second = (await cache.write(first, [
      { orderKey: 'a', stateOffset: '2', value: null, parkedSince: null },
    ])) as string;
    expect(await cache.read(second, ['a'])).toEqual(new Map());
    expect(await cache.parked(second)).toEqual(new Map());
  });
});
