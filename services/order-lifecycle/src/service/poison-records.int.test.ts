import { committedPosition } from '@clawback/exactly-once';
import { createLogger } from '@clawback/logging';
import type { LifecycleEvent } from '@clawback/order-machine';
import {
  click2sellNotification,
  kartraIpn,
  twoCheckoutIpn,
  type FixtureBody,
} from '@clawback/providers/testing';
import { AvroRegistry } from '@clawback/schema-registry';
import type { TestContext } from '@clawback/test-harness';
import { decodeCheckpoint } from '../checkpoint/checkpoint';
import type { DeadLetterValue } from '../records/lifecycle-codecs';
import { actualOutputs } from '../testing/actual-outputs';
import { consumeAll } from '../testing/consume-all';
import {
  createLifecycleTestContext,
  outputTopics,
  produceLog,
} from '../testing/lifecycle-test-context';
import type { LogRecord } from '../testing/notification-log';
import { outputsAndPureRun } from '../testing/pure-run';
import { testSettings } from '../testing/test-settings';

const logger = createLogger({ service: 'order-lifecycle-test', level: 'warn' });
const MINUTE = 60_000;
/** Provider time of the story's first notification; every record is received after it. */
const T0 = Date.parse('2026-01-31T14:00:00Z');
const RECEIVED = Date.parse('2026-01-31T15:00:00Z');
const SECRET = 'fixture-secret';

jest.setTimeout(180_000);

type Provider = '2checkout' | 'kartra' | 'click2sell';
const PROVIDERS: readonly Provider[] = ['2checkout', 'kartra', 'click2sell'];
type Step = 'sale' | 'refund';
/** A provider time: epoch ms, or a text the provider's date field carries as it is. */
type When = number | { readonly text: string };

/** `YmdHis` (2Checkout IPN_DATE, UTC), `Y-m-d H:i:s` (Kartra, US Eastern: UTC−5 in January). */
const compact = (ms: number) => new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14);
const eastern = (ms: number) =>
  new Date(ms - 5 * 60 * MINUTE).toISOString().replace('T', ' ').slice(0, 19);

const line = { pid: 'P-1', name: 'Course', price: '20.00', vat: '0.00', qty: 1 } as const;

/** A signed body of `provider` for `step` of order `ref`, dated `when`. */
function bodyOf(provider: Provider, step: Step, ref: string, when: When): FixtureBody {
  const text = (format: (ms: number) => string) =>
    typeof when === 'number' ? format(when) : when.text;
  switch (provider) {
    case '2checkout':
      return twoCheckoutIpn(
        {
          refno: ref,
          ipnDate: text(compact),
          lines: [line],
          ...(step === 'refund' ? { status: 'REFUND', refundType: 'FULL' } : {}),
        },
        { secretKey: SECRET },
      );
    case 'kartra':
      return kartraIpn(
        step === 'sale'
          ? { transactionId: ref, date: text(eastern) }
          : { transactionId: `${ref}9`, parentId: ref, type: 'refund', date: text(eastern) },
        { secretKey: SECRET },
      );
    case 'click2sell': {
      const date = text((ms) => new Date(ms).toISOString().slice(0, 10));
      const time = typeof when === 'number' ? new Date(when).toISOString().slice(11, 19) : '';
      return click2sellNotification(
        {
          c2sTransactionId: ref,
          purchaseDate: date,
          ...(time === '' ? {} : { purchaseTime: time }),
          ...(step === 'refund' ? { transactionType: 'Refund' } : {}),
        },
        { secretKey: SECRET },
      );
    }
  }
}

const FAR_FUTURE: Readonly<Record<Provider, string>> = {
  '2checkout': '99991231190000',
  kartra: '9999-12-31 19:00:00',
  click2sell: '9999-12-31',
};
const UNPARSEABLE: Readonly<Record<Provider, string>> = {
  '2checkout': 'tomorrow',
  kartra: '2026-02-30 10:00:00',
  click2sell: 'soon',
};

/**
 * One partition's log, as an older ingress (one without the plausibility rule) could have
 * written it: per provider a refund parked before its sale, then a far-future record, a good
 * sale, an unparseable date, the parked refund's sale and a refund of the first sale, all
 * providers interleaved; plus one good body with an absurd `receivedAt`.
 */
function poisonedLog(): { log: LogRecord[]; bad: Map<string, string> } {
  const log: LogRecord[] = [];
  const bad = new Map<string, string>();
  const push = (provider: Provider, step: Step, ref: string, when: When, receivedAt?: number) => {
    const orderKey = `${provider}:m-1:${ref}`;
    const { body, contentType } = bodyOf(provider, step, ref, when);
    const ingressId = `ing-${log.length}`;
    log.push({
      key: orderKey,
      value: {
        ingressId,
        provider,
        merchantId: 'm-1',
        orderKey,
        receivedAt: receivedAt ?? RECEIVED + log.length * 1000,
        contentType,
        body,
      },
    });
    return ingressId;
  };
  const providers = PROVIDERS;
  providers.forEach((p, i) => push(p, 'refund', `70${i}`, T0));
  // Kartra first: its year-10000 UTC instant made the old watermark tick throw (issue 9).
  // Since ADR 0020 these are no poison: each sale applies at its receivedAt, with a warning.
  (['kartra', '2checkout', 'click2sell'] as const).forEach((p, i) =>
    push(p, 'sale', `80${i}`, { text: FAR_FUTURE[p] }),
  );
  providers.forEach((p, i) => push(p, 'sale', `90${i}`, T0 + 10 * MINUTE));
  providers.forEach((p, i) => {
    const id = push(p, 'sale', `81${i}`, { text: UNPARSEABLE[p] });
    bad.set(id, 'invalid_date');
  });
  bad.set(push('2checkout', 'sale', '820', T0 + 15 * MINUTE, 0), 'implausible_received_at');
  providers.forEach((p, i) => push(p, 'sale', `70${i}`, T0 + 20 * MINUTE));
  providers.forEach((p, i) => push(p, 'refund', `90${i}`, T0 + 30 * MINUTE));
  return { log, bad };
}

describe('poison records (real Kafka, registry, Redis)', () => {
  let context: TestContext;

  beforeEach(async () => {
    context = await createLifecycleTestContext(1);
  });
  afterEach(() => context.dispose());

  it('given far-future, unparseable and absurd dates from every provider interleaved with good records, when consumed, then far-future ones apply at their receipt, each unreadable record is dead-lettered with its reason, the partition keeps moving, no parked refund is orphaned and the committed watermark is the latest time placed', async () => {
    const registry = new AvroRegistry(context.config.schemaRegistry);
    const { log, bad } = poisonedLog();
    await produceLog(context, registry, log);

    // Would time out if any record stopped the partition (the consumer restarting forever).
    await consumeAll(context, { logger, timeoutMs: 90_000 });

    const letters = await context.readAll(context.topics.notificationsDlq, { timeoutMs: 30_000 });
    const reasons = new Map<string, string>();
    for (const record of letters) {
      const letter = await registry.decode<DeadLetterValue>(record.value!);
      reasons.set(letter.notification.ingressId, letter.errorCode);
    }
    expect(reasons).toEqual(bad);

    const actual = await actualOutputs(context, registry, outputTopics(context.topics));
    const events: LifecycleEvent[] = [...actual.events.values()].flat();
    const story = (orderKey: string) =>
      events.filter((event) => event.orderKey === orderKey).map((event) => event.type);
    PROVIDERS.forEach((provider, i) => {
      // The refund parked at T0 waited for its sale: not an orphan of a year-9999 record.
      expect(story(`${provider}:m-1:70${i}`)).toEqual(['OrderPaid', 'RefundApplied']);
      // Records after the bad ones still produce their events.
      expect(story(`${provider}:m-1:90${i}`)).toEqual(['OrderPaid', 'RefundApplied']);
    });
    // The far-future sales apply at their receipt and keep the provider's date as a warning.
    (['kartra', '2checkout', 'click2sell'] as const).forEach((provider, i) => {
      const [paid, ...rest] = events.filter((e) => e.orderKey === `${provider}:m-1:80${i}`);
      expect(rest).toEqual([]);
      expect(paid).toMatchObject({
        type: 'OrderPaid',
        occurredAt: new Date(RECEIVED + (3 + i) * 1000).toISOString(),
        providerTimeWarning: { code: 'provider_time_implausible' },
      });
    });
    expect(events).toHaveLength(15);
    expect(events.filter((event) => event.type === 'NotificationRejected')).toEqual([]);

    const settings = testSettings(context);
    const checkpoint = decodeCheckpoint(
      await committedPosition(context.admin, settings.groupId, settings.topics.notificationsRaw, 0),
    );
    expect(checkpoint.nextOffset).toBe(String(log.length));
    // The latest time placed: the last far-future sale's receipt (log offset 5), never year 9999.
    expect(checkpoint.watermark).toBe(RECEIVED + 5 * 1000);

    // And the committed output is what a pure single pass over the same log yields.
    const { expected } = await outputsAndPureRun(context, registry);
    expect(actual.events).toEqual(expected.events);
    expect(actual.deadLetters).toEqual(expected.deadLetters);

    // Figures for the report.
    logger.warn(
      { records: log.length, deadLetters: letters.length, events: events.length },
      'poison-record figures',
    );
  });
});
