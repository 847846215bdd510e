import type { CanonicalNotification, NotificationKind } from '@clawback/notifications';
import type { OrderState } from '@clawback/order-machine';
import { orphanDeadline } from '@clawback/order-machine';
import fc from 'fast-check';
import type { RawNotificationRecord } from '../records/raw-notification';
import { applyRecords } from './apply-records';
import { ordersToLoad } from './orders-to-load';
import { ParkedIndex } from './parked-index';
import { notificationRecord, type PartitionRecord } from './partition-record';

const HOUR = 3_600_000;
const HORIZON = 48 * HOUR;
const START = Date.parse('2026-01-01T00:00:00Z');
const options = { orphanHorizonMs: HORIZON };

const raw: RawNotificationRecord = {
  ingressId: 'i',
  provider: '2checkout',
  merchantId: 'm',
  orderKey: '',
  receivedAt: START,
  contentType: 'text/plain',
  body: Buffer.alloc(0),
};

function notification(
  id: string,
  orderRef: string,
  kind: NotificationKind,
  at: number,
  amount: number,
): CanonicalNotification {
  return {
    notificationId: id,
    provider: '2checkout',
    merchantId: 'm',
    orderRef,
    orderKey: `2checkout:m:${orderRef}`,
    kind,
    ...(kind === 'refund' && { refundScope: 'unspecified' as const }),
    occurredAt: new Date(at).toISOString(),
    currency: 'USD',
    amount,
    lines: [],
    subscriptionRefs: [],
    providerStatus: kind,
    test: false,
  };
}

/** A record as the ingress stores it: received when it happened, unless said otherwise. */
function record(
  offset: number,
  n: CanonicalNotification,
  receivedAt = Date.parse(n.occurredAt),
): PartitionRecord {
  return notificationRecord(String(offset), { ...raw, receivedAt }, n);
}

function fresh(): {
  watermark: number | null;
  states: Map<string, OrderState>;
  parked: ParkedIndex;
} {
  return { watermark: null, states: new Map(), parked: new ParkedIndex() };
}

describe('applyRecords', () => {
  it('given a refund parked before its sale, when another order moves provider time past the horizon, then the parked refund is reported overdue before that order is applied, and stays parked', () => {
    const records = [
      record(0, notification('r1', 'A', 'refund', START, 500)),
      record(1, notification('s1', 'B', 'payment_completed', START + HORIZON + HOUR, 900)),
    ];
    const result = applyRecords(fresh(), records, options);
    expect(result.events.map((e) => [e.type, e.orderKey])).toEqual([
      ['NotificationOverdue', '2checkout:m:A'],
      ['OrderPaid', '2checkout:m:B'],
    ]);
    expect(result.progress.watermark).toBe(START + HORIZON + HOUR);
    expect(result.progress.states.get('2checkout:m:A')?.parked).toHaveLength(1);
    // Reported once: the order leaves the index of orders a watermark tick must visit.
    expect(result.progress.parked.size).toBe(0);
    expect(result.changedOrders).toEqual(['2checkout:m:A', '2checkout:m:B']);
  });

  it('given an unusable record, when applied, then it is dead-lettered and provider time does not move', () => {
    const records: PartitionRecord[] = [
      { kind: 'unusable', offset: '3', raw, errorCode: 'malformed_body', errorMessage: 'no' },
    ];
    const result = applyRecords(fresh(), records, options);
    expect(result.deadLetters).toEqual([
      { offset: '3', raw, errorCode: 'malformed_body', errorMessage: 'no' },
    ]);
    expect(result.events).toEqual([]);
    expect(result.progress.watermark).toBeNull();
  });

  it('given a notification the machine cannot place, when applied, then it is dead-lettered with the machine code', () => {
    const bad = { ...notification('x', 'A', 'refund', START, 1), notificationId: '' };
    const result = applyRecords(fresh(), [record(0, bad)], options);
    expect(result.deadLetters.map((d) => d.errorCode)).toEqual(['unplaceable_notification']);
  });

  it('given a duplicate, when applied again, then no order changes', () => {
    const sale = notification('s', 'A', 'payment_completed', START, 100);
    const first = applyRecords(fresh(), [record(0, sale)], options);
    const again = applyRecords(first.progress, [record(1, sale)], options);
    expect(again.events).toEqual([]);
    expect(again.changedOrders).toEqual([]);
  });

  it('given any cut of the log into batches, with states reloaded from a store between batches, then events and states equal a single pass', () => {
    const kinds: NotificationKind[] = [
      'payment_completed',
      'refund',
      'refund',
      'chargeback_opened',
      'chargeback_won',
      'payment_denied',
    ];
    const step = fc.record({
      order: fc.constantFrom('A', 'B', 'C', 'D'),
      kind: fc.constantFrom(...kinds),
      amount: fc.integer({ min: 1, max: 1000 }),
      advanceHours: fc.constantFrom(0, 1, 5, 30, 60),
      duplicateOf: fc.option(fc.nat(), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (steps, cutSeeds) => {
          let at = START;
          const records: PartitionRecord[] = [];
          steps.forEach((s, i) => {
            at += s.advanceHours * HOUR;
            const earlier =
              s.duplicateOf === undefined ? undefined : records[s.duplicateOf % (i || 1)];
            const n =
              earlier?.kind === 'notification'
                ? earlier.notification
                : notification(`n${i}`, s.order, s.kind, at, s.amount);
            records.push(record(i, n, at));
          });
          const cuts = [...new Set(cutSeeds.map((c) => c % records.length))].sort((a, b) => a - b);
          const single = inBatches(records, []);
          const batched = inBatches(records, cuts);
          expect(batched.events).toEqual(single.events);
          expect(batched.store).toEqual(single.store);
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** Applies `records` cut at `cuts`, keeping between batches only what a restart would find. */
function inBatches(records: readonly PartitionRecord[], cuts: readonly number[]) {
  const store = new Map<string, OrderState>();
  const events: unknown[] = [];
  const deadLetters: unknown[] = [];
  let watermark: number | null = null;
  const bounds = [0, ...cuts, records.length];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const batch = records.slice(bounds[i], bounds[i + 1]);
    if (batch.length === 0) continue;
    // As after a restart: the parked index comes from the stored snapshots.
    const parked = new ParkedIndex(
      [...store].flatMap(([orderKey, state]) => {
        const since = orphanDeadline(state, 0);
        return since === null ? [] : [{ orderKey, since }];
      }),
    );
    const states = new Map<string, OrderState>();
    for (const key of ordersToLoad(batch, parked, HORIZON)) {
      const state = store.get(key);
      if (state) states.set(key, state);
    }
    const result = applyRecords({ watermark, states, parked }, batch, options);
    for (const key of result.changedOrders) store.set(key, result.progress.states.get(key)!);
    watermark = result.progress.watermark;
    events.push(...result.events);
    deadLetters.push(...result.deadLetters);
  }
  return {
    events,
    deadLetters,
    watermark,
    store: Object.fromEntries([...store].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

describe('applyRecords: no record poisons the partition', () => {
  const YEAR = 365 * 24 * HOUR;
  const SKEW = 24 * HOUR;

  /** Six refunds parked on six orders at START, as on the partition in issue 9. */
  function parkedRefunds() {
    const refunds = ['A', 'B', 'C', 'D', 'E', 'F'].map((order, i) =>
      record(i, notification(`r-${order}`, order, 'refund', START, 100)),
    );
    return applyRecords(fresh(), refunds, options).progress;
  }

  it.each([
    ['far future (year 9999)', '9999-12-31T19:00:00.000Z'],
    ['a five-digit year', '+010000-01-01T00:00:00.000Z'],
    ['unparseable', 'not a date'],
    ['absurdly old (epoch 0)', '1970-01-01T00:00:00.000Z'],
  ])(
    'given a verified notification dated %s, when applied, then it applies at its receivedAt with a warning (ADR 0020), nothing is dead-lettered, and later records still apply',
    (_, occurredAt) => {
      const bad = { ...notification('bad', 'Z', 'payment_completed', START, 1), occurredAt };
      const good = notification('s-A', 'A', 'payment_completed', START + HOUR, 500);
      const result = applyRecords(
        parkedRefunds(),
        [record(10, bad, START + HOUR / 2), record(11, good)],
        options,
      );
      expect(result.deadLetters).toEqual([]);
      expect(
        result.events.map((e) => [e.type, e.occurredAt, e.providerTimeWarning?.providerTime]),
      ).toEqual([
        ['OrderPaid', new Date(START + HOUR / 2).toISOString(), occurredAt],
        ['OrderPaid', new Date(START + HOUR).toISOString(), undefined],
        ['RefundApplied', new Date(START).toISOString(), undefined],
      ]);
      expect(result.progress.watermark).toBe(START + HOUR);
      expect(result.progress.parked.size).toBe(5);
    },
  );

  it('given a notification dated years ahead of its receipt, when applied, then it applies at its receipt, the watermark stays within receivedAt + 24 h and no parked refund becomes an orphan', () => {
    const ahead = notification('s-Z', 'Z', 'payment_completed', START + 5 * YEAR, 100);
    const result = applyRecords(parkedRefunds(), [record(10, ahead, START)], options);
    expect(result.deadLetters).toEqual([]);
    expect(result.progress.watermark).toBeLessThanOrEqual(START + SKEW);
    expect(result.events.map((e) => [e.type, e.occurredAt, e.providerTimeWarning?.code])).toEqual([
      ['OrderPaid', new Date(START).toISOString(), 'provider_time_implausible'],
    ]);
    expect(result.progress.parked.size).toBe(6);
  });

  it('given a notification dated 23 h ahead of its receipt (a zone misread), when applied, then it applies and moves the watermark to its time without expiring refunds parked within the horizon', () => {
    const ahead = notification('s-Z', 'Z', 'payment_completed', START + 23 * HOUR, 100);
    const result = applyRecords(parkedRefunds(), [record(10, ahead, START)], options);
    expect(result.events.map((e) => e.type)).toEqual(['OrderPaid']);
    expect(result.progress.watermark).toBe(START + 23 * HOUR);
    expect(result.progress.parked.size).toBe(6);
  });

  it('given a watermark of year 9999 from an old checkpoint, when the next record is read, then the watermark is clamped to that record’s receivedAt + 24 h and ticks resume normally', () => {
    const start = { ...parkedRefunds(), watermark: Date.parse('9999-12-31T00:00:00Z') };
    const first = applyRecords(
      start,
      [record(10, notification('s-Y', 'Y', 'payment_completed', START + HOUR, 100))],
      options,
    );
    expect(first.progress.watermark).toBe(START + HOUR + SKEW);
    expect(first.events.map((e) => e.type)).toEqual(['OrderPaid']);
    const later = START + HORIZON + HOUR;
    const second = applyRecords(
      first.progress,
      [record(11, notification('s-X', 'X', 'payment_completed', later, 100))],
      options,
    );
    expect(second.progress.watermark).toBe(later);
    expect(second.events.filter((e) => e.type === 'NotificationOverdue')).toHaveLength(6);
  });

  it('given a record whose receivedAt is itself absurd, when applied, then it is dead-lettered with implausible_received_at', () => {
    const n = notification('s-A', 'A', 'payment_completed', START, 100);
    const result = applyRecords(fresh(), [record(0, n, 0)], options);
    expect(result.deadLetters.map((d) => d.errorCode)).toEqual(['implausible_received_at']);
    expect(result.events).toEqual([]);
  });

  it('given a tick the machine throws on, when the record that triggers it is applied, then that record alone is dead-lettered with nothing of it applied', () => {
    const start = parkedRefunds();
    // A parked order whose state cannot take a tick (corrupted: no state behind the index).
    const states = new Map(start.states);
    states.delete('2checkout:m:A');
    const late = START + HORIZON + HOUR;
    const result = applyRecords(
      { ...start, states },
      [
        record(10, notification('s-Q', 'Q', 'payment_completed', late, 100)),
        record(11, notification('s-R', 'R', 'payment_completed', START + HOUR, 100)),
      ],
      options,
    );
    expect(result.deadLetters).toEqual([
      expect.objectContaining({ offset: '10', errorCode: 'missing_state' }),
    ]);
    expect(result.progress.watermark).toBe(START + HOUR);
    expect(result.events.map((e) => [e.type, e.orderKey])).toEqual([
      ['OrderPaid', '2checkout:m:R'],
    ]);
  });

  it('given any batching of a log with implausible dates and clamped watermarks, then events, dead letters and watermark equal a single pass', () => {
    const step = fc.record({
      order: fc.constantFrom('A', 'B', 'C'),
      kind: fc.constantFrom<NotificationKind>('payment_completed', 'refund'),
      advanceHours: fc.constantFrom(0, 1, 30, 60),
      skewHours: fc.constantFrom(-3, 0, 12, 25, 24 * 365 * 8000),
    });
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (steps, cutSeeds) => {
          let at = START;
          const records = steps.map((s, i) => {
            at += s.advanceHours * HOUR;
            return record(
              i,
              notification(`n${i}`, s.order, s.kind, at + s.skewHours * HOUR, 50),
              at,
            );
          });
          const cuts = [...new Set(cutSeeds.map((c) => c % records.length))].sort((a, b) => a - b);
          const single = inBatches(records, []);
          const batched = inBatches(records, cuts);
          expect(batched).toEqual(single);
        },
      ),
      { numRuns: 200 },
    );
  });
});
