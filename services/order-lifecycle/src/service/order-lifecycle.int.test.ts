import { createLogger } from '@clawback/logging';
import { AvroRegistry } from '@clawback/schema-registry';
import type { TestContext } from '@clawback/test-harness';
import { consumeAll } from '../testing/consume-all';
import { createLifecycleTestContext, produceLog } from '../testing/lifecycle-test-context';
import { notificationLog } from '../testing/notification-log';
import { outputsAndPureRun } from '../testing/pure-run';

const logger = createLogger({ service: 'order-lifecycle-test', level: 'warn' });

jest.setTimeout(180_000);

describe('order lifecycle consumer (real Kafka, registry, Redis)', () => {
  let context: TestContext;

  beforeEach(async () => {
    context = await createLifecycleTestContext(3);
  });
  afterEach(() => context.dispose());

  it('given duplicates, over-refunds, out-of-order, orphans and unusable records, when consumed, then the committed outputs equal a pure run', async () => {
    const registry = new AvroRegistry(context.config.schemaRegistry);
    await produceLog(context, registry, notificationLog({ orders: 80, seed: 7 }), [
      { key: 'not-avro', value: Buffer.from('plain text, no wire format') },
    ]);

    const lifecycle = await consumeAll(context, { logger, timeoutMs: 90_000 });
    const transactions = await lifecycle.metrics.transactions.get();
    const committed = transactions.values.find((v) => v.labels.result === 'committed')?.value ?? 0;

    const { expected, actual } = await outputsAndPureRun(context, registry);

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
