import { createLogger } from '@clawback/logging';
import { AvroRegistry } from '@clawback/schema-registry';
import { createTestContext, waitFor, type TestContext } from '@clawback/test-harness';
import { registryCodecs } from '../records/registry-codecs';
import { actualOutputs } from '../testing/actual-outputs';
import { uncommitted } from '../testing/consumed';
import { expectedOutputs } from '../testing/expected-outputs';
import { notificationLog } from '../testing/notification-log';
import { produceInChunks, rawMessages } from '../testing/raw-records';
import { TEST_HORIZON_MS, testRedisKeyPrefix, testSettings } from '../testing/test-settings';
import { startOrderLifecycle } from './start-order-lifecycle';

const logger = createLogger({ service: 'order-lifecycle-test', level: 'warn' });

jest.setTimeout(180_000);

describe('order lifecycle consumer (real Kafka, registry, Redis)', () => {
  let context: TestContext;

  beforeEach(async () => {
    context = await createTestContext({
      topics: ['notificationsRaw', 'notificationsDlq', 'lifecycleEvents', 'lifecycleState'],
      partitions: 3,
    });
  });
  afterEach(() => context.dispose());

  it('given duplicates, over-refunds, out-of-order, orphans and unusable records, when consumed, then the committed outputs equal a pure run', async () => {
    const registry = new AvroRegistry(context.config.schemaRegistry);
    const log = notificationLog({ orders: 80, seed: 7 });
    const messages = await rawMessages(registry, context.topics.notificationsRaw, log);
    messages.push({ key: 'not-avro', value: Buffer.from('plain text, no wire format') });
    await produceInChunks(
      (chunk) => context.produce(context.topics.notificationsRaw, chunk),
      messages,
    );
    const settings = testSettings(context);

    const lifecycle = await startOrderLifecycle({
      config: context.config,
      settings,
      logger,
      redisKeyPrefix: testRedisKeyPrefix(context),
    });
    try {
      await waitFor(
        async () =>
          (await uncommitted(context.admin, settings.groupId, settings.topics.notificationsRaw)) ===
          0n,
        { timeoutMs: 90_000, description: 'every raw record committed' },
      );
    } finally {
      await lifecycle.stop();
    }
    const transactions = await lifecycle.metrics.transactions.get();
    const committed = transactions.values.find((v) => v.labels.result === 'committed')?.value ?? 0;

    const codecs = registryCodecs(registry, {
      events: context.topics.lifecycleEvents,
      state: context.topics.lifecycleState,
      deadLetters: context.topics.notificationsDlq,
    });
    const raw = await context.readAll(context.topics.notificationsRaw, { timeoutMs: 30_000 });
    const expected = await expectedOutputs(raw, codecs, TEST_HORIZON_MS);
    const actual = await actualOutputs(context, registry, {
      events: context.topics.lifecycleEvents,
      state: context.topics.lifecycleState,
      deadLetters: context.topics.notificationsDlq,
    });

    // Many transactions, not one: batch boundaries really were crossed.
    expect(committed).toBeGreaterThan(6);
    expect(actual.duplicateEventIds).toEqual([]);
    expect(actual.events).toEqual(expected.events);
    expect(actual.states).toEqual(expected.states);
    expect(actual.deadLetters).toEqual(expected.deadLetters);
    expect(actual.deadLetters.get('undecodable_record')).toBe(1);
    const events = [...actual.events.values()].flat();
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining([
        'OrderPaid',
        'RefundApplied',
        'ChargebackOpened',
        'NotificationRejected',
      ]),
    );
    const reasons = events.flatMap((event) =>
      event.type === 'NotificationRejected' ? [event.reason] : [],
    );
    expect(reasons).toEqual(expect.arrayContaining(['over_refund', 'orphan']));
  });
});
