import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EARLIEST_PROVIDER_TIME_MS,
  PROVIDER_TIME_FUTURE_SKEW_MS,
  type CanonicalNotification,
} from '@clawback/notifications';
import avro from 'avsc';
import fc from 'fast-check';
import { fromAvroEvent, toAvroEvent } from '../avro/event-avro';
import { fromAvroState, toAvroState, type AvroOrderState } from '../avro/state-avro';
import { decide } from '../decide';
import type { LifecycleEvent } from '../events/lifecycle-event';
import { resolutionFits } from '../lifecycle/operator-resolution';
import { effectiveProviderTime } from '../rules/provider-time';
import type { OrderState } from '../state/order-state';
import { notification, refund, sale } from '../testing/notifications';
import { operatorCommand, whenOperator } from '../testing/operator-commands';
import { OPTIONS } from '../testing/scenario';

// ADR 0020: a verified notification whose provider time is implausible (year 9999, 1970, a
// five-digit year) is a money fact all the same. The machine places it at the ingress's
// `receivedAt` (in the log, so a replay places it identically), keeps the provider's text on
// every event it causes, and never refuses it for its date.

const RECEIVED = '2026-03-10T10:00:00.000Z';
const schema = (topic: string) =>
  avro.Type.forSchema(
    JSON.parse(readFileSync(join(__dirname, '../../../../schemas', `${topic}.avsc`), 'utf8')),
  );

/** Decides `steps` in order, each received at `RECEIVED` unless it says otherwise. */
function received(
  steps: readonly (CanonicalNotification | [CanonicalNotification, string])[],
  start?: OrderState,
): { state: OrderState | undefined; events: LifecycleEvent[] } {
  let state = start;
  const events: LifecycleEvent[] = [];
  for (const step of steps) {
    const [notification, receivedAt] = Array.isArray(step) ? step : [step, RECEIVED];
    const decision = decide(state, { type: 'notification', notification, receivedAt }, OPTIONS);
    state = decision.state;
    events.push(...decision.events);
  }
  return { state, events };
}

const paid = received([sale(10000, { occurredAt: '2026-03-09T10:00:00Z' })]).state!;

describe('an implausible provider time never refuses a fact (ADR 0020)', () => {
  it('given a paid order, when a refund dated 9999-12-31 arrives, then it applies at its receivedAt and the event keeps the provider time as a warning', () => {
    const { events } = received([refund(2500, { occurredAt: '9999-12-31T23:59:59Z' })], paid);

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'RefundApplied',
      occurredAt: RECEIVED,
      amount: 2500,
      refundedTotal: 2500,
      remaining: 7500,
      providerTimeWarning: {
        code: 'provider_time_implausible',
        providerTime: '9999-12-31T23:59:59Z',
        detail: expect.stringContaining('9999-12-31T23:59:59Z'),
      },
    });
  });

  it.each([
    ['dated 1970-01-01 (an epoch default)', '1970-01-01T00:00:00Z'],
    ['dated in year 10000 (Kartra 9999-12-31 19:00 Eastern)', '+010000-01-01T00:00:00Z'],
    ['dated one second past receivedAt + 24 h', '2026-03-11T10:00:01Z'],
    ['whose time is no ISO UTC time at all', '2026-03-10T10:00:00-05:00'],
  ])(
    'given a paid order, when a chargeback %s is lost, then it applies at its receivedAt',
    (_, at) => {
      const { events } = received(
        [notification('chargeback_lost', { amount: 10000, occurredAt: at })],
        paid,
      );

      expect(
        events.map((e) => [e.type, e.occurredAt, e.providerTimeWarning?.providerTime]),
      ).toEqual([['ChargebackLost', RECEIVED, at]]);
    },
  );

  it('given a paid order, when a refund dated within 24 h after its receipt arrives, then its own time is used and the event has no warning field at all', () => {
    const { events } = received([refund(2500, { occurredAt: '2026-03-11T10:00:00Z' })], paid);

    expect(events[0]).toMatchObject({ occurredAt: '2026-03-11T10:00:00.000Z' });
    expect('providerTimeWarning' in events[0]!).toBe(false);
  });

  it('given no receivedAt (a tool without ingress records), when a plausible refund arrives, then it decides as before', () => {
    const decision = decide(
      paid,
      { type: 'notification', notification: refund(2500, { occurredAt: '2026-03-10T09:00:00Z' }) },
      OPTIONS,
    );
    expect(decision.events[0]).toMatchObject({ occurredAt: '2026-03-10T09:00:00.000Z' });
    expect('providerTimeWarning' in decision.events[0]!).toBe(false);
  });

  it('given a refund dated 9999 that parks before its sale, when the state is persisted and the sale arrives, then the refund applies with its warning', () => {
    const early = received([refund(2500, { occurredAt: '9999-12-31T23:59:59Z' })]);
    expect(early.events).toEqual([]);
    expect(early.state!.parked[0]).toMatchObject({
      occurredAt: RECEIVED,
      implausibleProviderTime: '9999-12-31T23:59:59Z',
    });
    const stateType = schema('orders.lifecycle.state');
    const restored = fromAvroState(
      stateType.fromBuffer(stateType.toBuffer(toAvroState(early.state!))) as AvroOrderState,
    );
    expect(restored).toEqual(early.state);

    const { events } = received(
      [[sale(10000, { occurredAt: '2026-03-09T10:00:00Z' }), '2026-03-10T11:00:00.000Z']],
      restored,
    );
    expect(events.map((e) => [e.type, e.occurredAt, e.providerTimeWarning?.code])).toEqual([
      ['OrderPaid', '2026-03-09T10:00:00.000Z', undefined],
      ['RefundApplied', RECEIVED, 'provider_time_implausible'],
    ]);
  });

  it('given an event with a warning, when it goes through the events schema, then it comes back byte for byte', () => {
    const eventType = schema('orders.lifecycle.events');
    const { events } = received([refund(2500, { occurredAt: '9999-12-31T23:59:59Z' })], paid);
    const bytes = eventType.toBuffer(toAvroEvent(events[0]!));
    const back = fromAvroEvent(eventType.fromBuffer(bytes) as ReturnType<typeof toAvroEvent>);

    expect(JSON.stringify(back)).toBe(JSON.stringify(events[0]));
    expect(eventType.toBuffer(toAvroEvent(back)).equals(bytes)).toBe(true);
  });

  it('given a receivedAt outside 2000…2100, when a notification arrives, then the machine refuses the input (the lifecycle dead-letters it first)', () => {
    expect(() =>
      received(
        [[refund(1, { occurredAt: '9999-12-31T23:59:59Z' }), '1970-01-01T00:00:00.000Z']],
        paid,
      ),
    ).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it('given the same log twice, when decided, then the events are identical (a replay places the time the same way)', () => {
    const log = [
      refund(2500, { notificationId: 'r-1', occurredAt: '9999-12-31T23:59:59Z' }),
      sale(10000, { notificationId: 's-1', occurredAt: '2026-03-09T10:00:00Z' }),
    ];
    expect(JSON.stringify(received(log))).toBe(JSON.stringify(received(log)));
  });
});

describe('the provider_time_implausible case: acknowledged, never applied again', () => {
  const REASON = 'provider_time_implausible';

  it('given the case reason, when resolutions are checked, then only dismiss fits (the fact is applied already)', () => {
    expect(
      ['apply', 'attach', 'dismiss'].filter((r) => resolutionFits(r as never, REASON)),
    ).toEqual(['dismiss']);
  });

  it('given an applied refund dated 9999, when an operator applies its case, then it is refused and nothing is refunded twice', () => {
    const late = refund(2500, { occurredAt: '9999-12-31T23:59:59Z' });
    const { state } = received([late], paid);
    const { state: next, events } = whenOperator(
      state,
      operatorCommand('apply', late, { caseReason: REASON }),
    );
    expect(events).toMatchObject([{ type: 'NotificationRejected', reason: 'invalid_transition' }]);
    expect(next.refundedTotal).toBe(2500);
  });

  it('given a refund dated 9999 still parked, when an operator dismisses its time case, then it stays parked and applies with its sale', () => {
    const late = refund(2500, { occurredAt: '9999-12-31T23:59:59Z' });
    const { state } = received([late]);
    const dismissed = whenOperator(state, operatorCommand('dismiss', late, { caseReason: REASON }));
    expect(dismissed.events).toEqual([]);
    expect(dismissed.state.parked.map((p) => p.notificationId)).toEqual([late.notificationId]);

    const { events } = received(
      [sale(10000, { occurredAt: '2026-03-09T10:00:00Z' })],
      dismissed.state,
    );
    expect(events.map((e) => e.type)).toEqual(['OrderPaid', 'RefundApplied']);
  });
});

describe('property: the effective time never exceeds receivedAt + the stated skew', () => {
  const receivedAtMs = fc.integer({
    min: EARLIEST_PROVIDER_TIME_MS,
    max: Date.UTC(2099, 11, 31) - PROVIDER_TIME_FUTURE_SKEW_MS,
  });
  /** Any provider time: any representable instant as ISO text, or any text at all. */
  const providerTime = fc.oneof(
    fc
      .integer({ min: -8.64e15, max: 8.64e15 })
      .map((ms) => new Date(ms).toISOString().replace('.000Z', 'Z')),
    fc.integer({ min: -7 * 86_400_000, max: 7 * 86_400_000 }).map((d) => d),
    fc.string(),
  );

  it('for any provider time and receivedAt, effectiveProviderTime lies in [2000, receivedAt + 24 h]', () => {
    fc.assert(
      fc.property(providerTime, receivedAtMs, (time, at) => {
        const text = typeof time === 'number' ? new Date(at + time).toISOString() : time;
        const effective = Date.parse(effectiveProviderTime(text, at));
        expect(effective).toBeLessThanOrEqual(at + PROVIDER_TIME_FUTURE_SKEW_MS);
        expect(effective).toBeGreaterThanOrEqual(EARLIEST_PROVIDER_TIME_MS);
      }),
      { numRuns: 2000 },
    );
  });

  it('for any provider time of a refund, the event it causes is dated at most receivedAt + 24 h, and warns exactly when the time was replaced', () => {
    fc.assert(
      fc.property(providerTime, receivedAtMs, (time, at) => {
        const text = typeof time === 'number' ? new Date(at + time).toISOString() : time;
        const receivedAt = new Date(at).toISOString();
        const n = refund(100, { occurredAt: text });
        const [event] = decide(
          paid,
          { type: 'notification', notification: n, receivedAt },
          OPTIONS,
        ).events;
        expect(Date.parse(event!.occurredAt)).toBeLessThanOrEqual(
          at + PROVIDER_TIME_FUTURE_SKEW_MS,
        );
        const replaced = effectiveProviderTime(text, at) !== text;
        expect(event!.providerTimeWarning?.providerTime).toBe(replaced ? text : undefined);
        if (replaced) expect(event!.occurredAt).toBe(receivedAt);
      }),
      { numRuns: 500 },
    );
  });
});
