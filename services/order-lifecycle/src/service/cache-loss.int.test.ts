import { createLogger } from '@clawback/logging';
import type { Message } from '@clawback/kafka';
import { deleteKeysByPrefix } from '@clawback/redis';
import { AvroRegistry } from '@clawback/schema-registry';
import { seededRandom, type TestContext } from '@clawback/test-harness';
import { waitUntilAllCommitted } from '../testing/consumed';
import { createLifecycleTestContext } from '../testing/lifecycle-test-context';
import { notificationLog } from '../testing/notification-log';
import { outputsAndPureRun } from '../testing/pure-run';
import { produceInChunks, rawMessages } from '../testing/raw-records';
import { dumpKeys, restoreKeys } from '../testing/redis-snapshot';
import { testRedisKeyPrefix, testSettings } from '../testing/test-settings';
import { startOrderLifecycle, type RunningOrderLifecycle } from './start-order-lifecycle';

jest.setTimeout(300_000);

const logger = createLogger({ service: 'order-lifecycle-test', level: 'warn' });

describe('snapshot cache lost or stale mid-run (real Kafka, registry, Redis)', () => {
  let context: TestContext;
  let registry: AvroRegistry;
  let lifecycle: RunningOrderLifecycle | undefined;

  beforeEach(async () => {
    context = await createLifecycleTestContext(3);
    registry = new AvroRegistry(context.config.schemaRegistry);
  });
  afterEach(async () => {
    await lifecycle?.stop();
    lifecycle = undefined;
    await context.dispose();
  });

  /** The log in `parts` pieces, and a function that produces one and waits until it is consumed. */
  async function prepare(parts: number) {
    const messages = await rawMessages(
      registry,
      context.topics.notificationsRaw,
      notificationLog({ orders: 150, seed: 11 }),
    );
    const size = Math.ceil(messages.length / parts);
    const pieces: Message[][] = [];
    for (let i = 0; i < parts; i++) pieces.push(messages.slice(i * size, (i + 1) * size));
    const settings = testSettings(context);
    lifecycle = await startOrderLifecycle({
      config: context.config,
      settings,
      logger,
      redisKeyPrefix: testRedisKeyPrefix(context),
    });
    const consume = async (piece: readonly Message[]): Promise<void> => {
      await produceInChunks(
        (chunk) => context.produce(context.topics.notificationsRaw, chunk),
        piece,
      );
      await waitUntilAllCommitted(context.admin, settings, 120_000);
    };
    return { pieces, consume, running: lifecycle };
  }

  async function expectOutputsOfAPureRun(): Promise<void> {
    const { expected, actual } = await outputsAndPureRun(context, registry);
    expect(actual.duplicateEventIds).toEqual([]);
    expect(actual.events).toEqual(expected.events);
    expect(actual.states).toEqual(expected.states);
  }

  async function cacheMovedCatchUps(running: RunningOrderLifecycle): Promise<number> {
    const metric = await running.metrics.catchUps.get();
    return metric.values.find((value) => value.labels.reason === 'cache_moved')?.value ?? 0;
  }

  it('given Redis is wiped between batches, when consumption goes on, then the outputs equal an undisturbed run', async () => {
    const { pieces, consume, running } = await prepare(2);
    await consume(pieces[0]!);
    const wiped = await deleteKeysByPrefix(await context.redis(), '');
    expect(wiped).toBeGreaterThan(0);
    await consume(pieces[1]!);
    await running.stop();
    lifecycle = undefined;

    expect(await cacheMovedCatchUps(running)).toBeGreaterThan(0);
    await expectOutputsOfAPureRun();
  });

  it('given Redis comes back older (restored from an earlier snapshot), when consumption goes on, then the outputs equal an undisturbed run', async () => {
    const { pieces, consume, running } = await prepare(3);
    await consume(pieces[0]!);
    const redis = await context.redis();
    const older = await dumpKeys(redis);
    await consume(pieces[1]!);
    await restoreKeys(redis, older);
    await consume(pieces[2]!);
    await running.stop();
    lifecycle = undefined;

    expect(await cacheMovedCatchUps(running)).toBeGreaterThan(0);
    await expectOutputsOfAPureRun();
  });

  it('given a random half of the cache keys is deleted between batches, when consumption goes on, then the outputs equal an undisturbed run', async () => {
    const { pieces, consume, running } = await prepare(4);
    const redis = await context.redis();
    const random = seededRandom(23);
    let deleted = 0;
    for (const [index, piece] of pieces.entries()) {
      await consume(piece);
      if (index === pieces.length - 1) break;
      // Sorted, so the seed picks the same keys on every run (SCAN order is not stable).
      const names = [...(await dumpKeys(redis)).keys()].sort();
      for (const name of names) if (random() < 0.5) deleted += await redis.del(name);
    }
    await running.stop();
    lifecycle = undefined;

    expect(deleted).toBeGreaterThan(0);
    expect(await cacheMovedCatchUps(running)).toBeGreaterThan(0);
    await expectOutputsOfAPureRun();
  });
});
