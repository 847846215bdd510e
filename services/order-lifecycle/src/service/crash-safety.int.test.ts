import { createLogger } from '@clawback/logging';
import { AvroRegistry } from '@clawback/schema-registry';
import { seededRandom, waitFor, type TestContext } from '@clawback/test-harness';
import { startChildConsumer, type ChildConsumer } from '../testing/child-consumer';
import { uncommitted } from '../testing/consumed';
import { createLifecycleTestContext, produceLog } from '../testing/lifecycle-test-context';
import { notificationLog } from '../testing/notification-log';
import { outputsAndPureRun } from '../testing/pure-run';
import { testRedisKeyPrefix, testSettings } from '../testing/test-settings';

jest.setTimeout(900_000);

const KILLS = 6;
const ORDERS = 1_000;

describe('crash safety (consumer as a child process, SIGKILL at random moments)', () => {
  let context: TestContext;
  let child: ChildConsumer | undefined;

  beforeEach(async () => {
    context = await createLifecycleTestContext(4);
  });
  afterEach(async () => {
    await child?.stop('SIGKILL');
    await context.dispose();
  });

  it('given several SIGKILLs mid-run, when a last instance finishes, then committed events equal a pure run exactly', async () => {
    const seed = Number(process.env.CRASH_TEST_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const registry = new AvroRegistry(context.config.schemaRegistry);
    await produceLog(context, registry, notificationLog({ orders: ORDERS, seed }));
    const settings = testSettings(context);
    const env = {
      ...process.env,
      KAFKA_TOPIC_PREFIX: context.id,
      REDIS_KEY_PREFIX: testRedisKeyPrefix(context),
      LIFECYCLE_GROUP_ID: settings.groupId,
      LIFECYCLE_TRANSACTIONAL_ID_PREFIX: settings.transactionalIdPrefix,
      LIFECYCLE_ORPHAN_HORIZON_MS: String(settings.orphanHorizonMs),
      LIFECYCLE_SESSION_TIMEOUT_MS: String(settings.sessionTimeoutMs),
      LIFECYCLE_MAX_BATCH_BYTES: String(settings.maxBatchBytes),
      OBSERVABILITY_PORT: '0',
      LOG_LEVEL: 'warn',
    };
    const left = () =>
      uncommitted(context.admin, settings.groupId, settings.topics.notificationsRaw);
    const total = await left();

    // Kill points: random amounts of remaining work, decreasing, so every instance progresses.
    const points = Array.from({ length: KILLS }, () => random())
      .sort((a, b) => b - a)
      .map((fraction) => (total * BigInt(Math.floor(fraction * 900 + 50))) / 1000n);
    let kills = 0;
    for (const point of points) {
      child = startChildConsumer(env);
      await waitFor(async () => (await left()) <= point, {
        timeoutMs: 180_000,
        description: `at most ${point} of ${total} records left before kill ${kills + 1}`,
      }).catch((error: unknown) => {
        throw new Error(`${String(error)}\n--- consumer output ---\n${child?.output()}`);
      });
      await child.stop('SIGKILL');
      kills += 1;
    }
    child = startChildConsumer(env);
    await waitFor(async () => (await left()) === 0n, {
      timeoutMs: 300_000,
      description: 'the last instance to commit everything',
    });
    expect(await child.stop('SIGTERM')).toBe(0);
    child = undefined;

    const { raw, expected, actual } = await outputsAndPureRun(context, registry, 120_000);
    const eventCount = [...actual.events.values()].reduce((n, list) => n + list.length, 0);
    const expectedCount = [...expected.events.values()].reduce((n, list) => n + list.length, 0);
    createLogger({ service: 'crash-safety-test' }).info(
      {
        seed,
        kills,
        notifications: raw.length,
        events: eventCount,
        expectedEvents: expectedCount,
        duplicates: actual.duplicateEventIds.length,
      },
      'crash test figures',
    );

    expect(kills).toBe(KILLS);
    expect(actual.duplicateEventIds).toEqual([]);
    expect(actual.events).toEqual(expected.events);
    expect(actual.states).toEqual(expected.states);
    expect(actual.deadLetters).toEqual(expected.deadLetters);
  });
});
