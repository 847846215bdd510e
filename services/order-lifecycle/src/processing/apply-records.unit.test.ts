import type { CanonicalNotification, NotificationKind } from '@clawback/notifications';
import type { OrderState } from '@clawback/order-machine';
import { orphanDeadline } from '@clawback/order-machine';
import fc from 'fast-check';
import type { RawNotificationRecord } from '../records/raw-notification';
import { applyRecords } from './apply-records';
import { ordersToLoad } from './orders-to-load';
import { ParkedIndex } from './parked-index';
import type { PartitionRecord } from './partition-record';

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

function record(offset: number, n: CanonicalNotification): PartitionRecord {
  return { kind: 'notification', offset: String(offset), raw, notification: n };
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
            records.push(record(i, n));
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
  }
  return { events, store: Object.fromEntries([...store].sort(([a], [b]) => (a < b ? -1 : 1))) };
}
