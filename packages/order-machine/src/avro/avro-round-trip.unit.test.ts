import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import avro from 'avsc';
import fc from 'fast-check';
import { LIFECYCLE_EVENT_TYPES } from '../events/lifecycle-event';
import { arbitraryDelivery } from '../testing/arbitraries';
import { everyEvent } from '../testing/every-event';
import { refund, sale } from '../testing/notifications';
import { run } from '../testing/scenario';
import { fromAvroEvent, toAvroEvent } from './event-avro';
import { fromAvroState, toAvroState } from './state-avro';

const schema = (topic: string) =>
  avro.Type.forSchema(
    JSON.parse(readFileSync(join(__dirname, '../../../../schemas', `${topic}.avsc`), 'utf8')),
  );
const eventType = schema('orders.lifecycle.events');
const stateType = schema('orders.lifecycle.state');
const OPTIONS = { orphanHorizonMs: 3 * 24 * 60 * 60 * 1000 };

/** Encodes, decodes, maps back, and checks the value and the bytes survive. */
function roundTrip<T, R>(type: avro.Type, value: T, to: (v: T) => R, from: (r: R) => T): void {
  const bytes = type.toBuffer(to(value));
  const decoded = from(type.fromBuffer(bytes) as R);
  expect(decoded).toEqual(value);
  expect(JSON.stringify(decoded)).toBe(JSON.stringify(value));
  expect(type.toBuffer(to(decoded)).equals(bytes)).toBe(true);
}

describe('Avro mappers', () => {
  const { events, states } = everyEvent();

  it('the fixtures derive every lifecycle event type', () => {
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(LIFECYCLE_EVENT_TYPES));
  });

  it.each(events.map((e) => [e.type, e] as const))(
    'round-trips %s through the events schema',
    (_t, event) => {
      roundTrip(eventType, event, toAvroEvent, fromAvroEvent);
    },
  );

  it('uses only field names the events schema declares', () => {
    const fields = new Set(
      (eventType as avro.types.RecordType).fields.map((f: { name: string }) => f.name),
    );
    for (const event of events) for (const key of Object.keys(event)) expect(fields).toContain(key);
  });

  it.each(states.map((s) => [s.status, s] as const))(
    'round-trips a %s state through the state schema',
    (_s, state) => {
      roundTrip(stateType, state, toAvroState, fromAvroState);
    },
  );

  it('round-trips every event and state of random deliveries, parked notifications included', () => {
    fc.assert(
      fc.property(arbitraryDelivery, (steps) => {
        const result = run(steps, undefined, OPTIONS);
        for (const event of result.events) roundTrip(eventType, event, toAvroEvent, fromAvroEvent);
        if (result.state) roundTrip(stateType, result.state, toAvroState, fromAvroState);
      }),
      { numRuns: 50 },
    );
  });

  it('round-trips a parked refund stating refunded units and a RefundApplied with warnings', () => {
    const lines = [{ lineId: 'p1', name: 'Course', quantity: 1, amount: 1000 }];
    const stated = { lines, lineQuantities: 'refunded_units' as const };
    const parked = run([refund(500, stated)], undefined, OPTIONS).state!;
    expect(parked.parked[0]).toMatchObject({ lineQuantities: 'refunded_units' });
    roundTrip(stateType, parked, toAvroState, fromAvroState);
    const paid = run([sale(1000, { lines }), refund(500, stated), refund(500, stated)]);
    const warned = paid.events.filter((e) => e.type === 'RefundApplied').at(-1)!;
    expect(warned).toMatchObject({ warnings: [{ code: 'refunded_units_exceed_sold' }] });
    roundTrip(eventType, warned, toAvroEvent, fromAvroEvent);
  });

  it('encodes every event to the same bytes as the spread envelope it replaced', () => {
    // The former toAvroEvent: a null template with the event spread over it.
    const spread = (event: (typeof events)[number]) => ({
      ...Object.fromEntries(
        (eventType as avro.types.RecordType).fields.map((f: { name: string }) => [f.name, null]),
      ),
      ...event,
      occurredAt: Date.parse(event.occurredAt),
    });
    const same = (event: (typeof events)[number]) =>
      expect(eventType.toBuffer(toAvroEvent(event)).equals(eventType.toBuffer(spread(event)))).toBe(
        true,
      );
    events.forEach(same);
    fc.assert(
      fc.property(arbitraryDelivery, (steps) =>
        run(steps, undefined, OPTIONS).events.forEach(same),
      ),
      { numRuns: 50 },
    );
  });

  it('refuses an envelope that lacks a field its type needs', () => {
    const paid = events.find((e) => e.type === 'OrderPaid')!;
    expect(() => fromAvroEvent({ ...toAvroEvent(paid), amount: null })).toThrow(
      expect.objectContaining({ code: 'invalid_record' }),
    );
  });
});
