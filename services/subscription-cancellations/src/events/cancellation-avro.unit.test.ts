import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSchemasDir } from '@clawback/schema-registry';
import { Type } from 'avsc';
import type { CancellationEvent } from './cancellation-event';
import { fromAvroCancellation, toAvroCancellation } from './cancellation-avro';
import type { CancellationDeadLetter } from './dead-letter';

const schema = (name: string) =>
  Type.forSchema(JSON.parse(readFileSync(join(defaultSchemasDir, name), 'utf8')) as never);
const eventType = schema('subscriptions.cancellations.avsc');
const deadLetterType = schema('subscriptions.cancellations.dlq.avsc');

const base = {
  subscriptionRef: 'XRILXB9ZI3',
  orderKey: '2checkout:m1:1000',
  merchantId: 'm1',
  provider: '2checkout',
  adapter: 'webhook',
  cause: 'chargeback_lost',
  causationId: 'n-1#0',
  idempotencyKey: 'a'.repeat(64),
  occurredAt: '2026-01-15T10:00:00.000Z',
} as const;

const events: readonly CancellationEvent[] = [
  { ...base, eventId: 'r', type: 'SubscriptionCancellationRequested', attempts: 0 },
  { ...base, eventId: 'c', type: 'SubscriptionCancelled', attempts: 2, alreadyCancelled: true },
  {
    ...base,
    eventId: 'f',
    type: 'SubscriptionCancellationFailed',
    attempts: 6,
    lastError: { code: 'receiver_unavailable', message: 'HTTP 503', retriable: true },
  },
];

describe('cancellation events in Avro', () => {
  it.each(events.map((event) => [event.type, event] as const))(
    '%s survives the schema round trip unchanged',
    (_type, event) => {
      const bytes = eventType.toBuffer(toAvroCancellation(event));
      expect(fromAvroCancellation(eventType.fromBuffer(bytes))).toEqual(event);
    },
  );

  it('skips types it does not know and refuses broken known ones', () => {
    const avro = toAvroCancellation(events[0]!);
    expect(fromAvroCancellation({ ...avro, type: 'SubscriptionPaused' })).toBeUndefined();
    expect(() => fromAvroCancellation({ ...avro, provider: 'paypal' })).toThrow(/unknown provider/);
    expect(() =>
      fromAvroCancellation({ ...avro, type: 'SubscriptionCancellationFailed', lastError: null }),
    ).toThrow(/no lastError/);
  });

  it('dead letters of both stages fit their schema', () => {
    const common = { sourceTopic: 't', sourcePartition: 1, sourceOffset: '42' };
    const letters: CancellationDeadLetter[] = [
      {
        cancellation: toAvroCancellation(events[2]!),
        errorCode: 'receiver_unavailable',
        errorMessage: 'HTTP 503',
        retriable: true,
        stage: 'cancel',
        ...common,
        sourceEventId: 'n-1#0',
        sourceValue: null,
      },
      {
        cancellation: null,
        errorCode: 'lifecycle_event_undecodable',
        errorMessage: 'bad magic byte',
        retriable: false,
        stage: 'decode',
        ...common,
        sourceEventId: null,
        sourceValue: Buffer.from([1, 2, 3]),
      },
    ];
    for (const letter of letters) {
      expect(deadLetterType.fromBuffer(deadLetterType.toBuffer(letter))).toEqual(letter);
    }
  });
});
