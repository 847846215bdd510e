import { createLogger } from '@clawback/logging';
import { parseMerchants } from '@clawback/merchants';
import { kartraIpn, type KartraIpnInput } from '@clawback/providers/testing';
import { AvroRegistry } from '@clawback/schema-registry';
import type { TestContext } from '@clawback/test-harness';
import { merchantNormalization } from '../merchants/merchant-normalization';
import { actualOutputs } from '../testing/actual-outputs';
import { consumeAll } from '../testing/consume-all';
import {
  createLifecycleTestContext,
  outputTopics,
  produceLog,
} from '../testing/lifecycle-test-context';
import { notificationLog, type LogRecord } from '../testing/notification-log';
import { outputsAndPureRun } from '../testing/pure-run';

const logger = createLogger({ service: 'order-lifecycle-test', level: 'warn' });

jest.setTimeout(180_000);

describe('order lifecycle consumer (real Kafka, registry, Redis)', () => {
  let context: TestContext;

  beforeEach(async () => {
    context = await createLifecycleTestContext(3);
  });
  afterEach(() => context.dispose());

  it('given duplicates, over-refunds, out-of-order, overdue and unusable records, when consumed, then the committed outputs equal a pure run', async () => {
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
        'NotificationOverdue',
      ]),
    );
    const reasons = events.flatMap((event) =>
      event.type === 'NotificationRejected' ? [event.reason] : [],
    );
    expect(reasons).toEqual(expect.arrayContaining(['over_refund']));
    // Lateness never rejects: overdue notifications are reported, never rejected as orphans.
    expect(reasons).not.toContain('orphan');
  });

  it('given a Kartra merchant configured with EUR in the merchants file, when its notifications are consumed, then its events are in EUR and other merchants keep the USD default', async () => {
    const registry = new AvroRegistry(context.config.schemaRegistry);
    const merchants = parseMerchants(
      {
        'shop-eur': { kartra: { secretKey: 'k', urlToken: 't', currency: 'EUR' } },
        'shop-usd': { kartra: { secretKey: 'k', urlToken: 't' } },
      },
      {},
    );
    await produceLog(context, registry, [
      kartraRecord('shop-eur', { transactionId: '800', amount: '47.00' }),
      kartraRecord('shop-eur', {
        transactionId: '801',
        parentId: '800',
        type: 'partial_refund',
        amount: '10.00',
        date: '2026-01-31 10:30:00',
      }),
      kartraRecord('shop-usd', { transactionId: '900', amount: '47.00' }),
    ]);

    await consumeAll(context, {
      logger,
      timeoutMs: 90_000,
      normalizeOptionsFor: merchantNormalization(merchants),
    });

    const actual = await actualOutputs(context, registry, outputTopics(context.topics));
    const events = [...actual.events.values()].flat();
    const byOrder = (orderKey: string) =>
      events
        .filter((event) => event.orderKey === orderKey)
        .map(({ type, currency }) => ({ type, currency }));
    expect(byOrder('kartra:shop-eur:800')).toEqual([
      { type: 'OrderPaid', currency: 'EUR' },
      { type: 'RefundApplied', currency: 'EUR' },
    ]);
    expect(byOrder('kartra:shop-usd:900')).toEqual([{ type: 'OrderPaid', currency: 'USD' }]);
  });
});

let ingressSequence = 0;

/** A signed Kartra IPN as the ingress stores it for `merchantId`. */
function kartraRecord(merchantId: string, input: KartraIpnInput): LogRecord {
  const { body, contentType } = kartraIpn(input, { secretKey: 'k' });
  const orderRef = input.parentId ?? input.transactionId;
  const orderKey = `kartra:${merchantId}:${orderRef}`;
  const value = {
    ingressId: `kartra-${ingressSequence++}`,
    provider: 'kartra',
    merchantId,
    orderKey,
    receivedAt: Date.parse('2026-01-31T15:00:00Z'),
    contentType,
    body,
  };
  return { key: orderKey, value };
}
