import { SchemaRegistryError } from '@clawback/schema-registry';
import type { CancellationAdapter } from '../adapters/cancellation-adapter';
import { CancellationError } from '../cancellation-error';
import { jsonCodecs, lifecycleMessages } from '../testing/json-codecs';
import {
  chargebackLost,
  orderPaid,
  paymentDenied,
  refundApplied,
} from '../testing/lifecycle-events';
import { memoryCompleted } from '../testing/memory-completed';
import { merchantSettings } from '../testing/merchant-settings';
import { buildOutputs } from './build-outputs';
import { type ProcessDeps, processRecords } from './process-records';

function deps(adapter: CancellationAdapter, overrides: Partial<ProcessDeps> = {}): ProcessDeps {
  return {
    codecs: jsonCodecs,
    merchants: new Map([
      ['m1', merchantSettings()],
      ['m2', merchantSettings({ merchantId: 'm2', onPartialRefund: 'cancel' })],
    ]),
    adapterFor: () => adapter,
    completed: memoryCompleted(),
    retry: {
      maxAttempts: 2,
      initialDelayMs: 1,
      maxDelayMs: 1,
      maxTotalMs: 100,
      requestTimeoutMs: 1,
    },
    callConcurrency: 4,
    signal: new AbortController().signal,
    now: () => 0,
    sleep: () => Promise.resolve(),
    ...overrides,
  };
}

const succeeding = (calls: string[]): CancellationAdapter => ({
  cancel: (request) => {
    calls.push(request.subscriptionRef);
    return Promise.resolve({ alreadyCancelled: false });
  },
});
const source = { topic: 'orders.lifecycle.events', partition: 2 };

describe('processRecords + buildOutputs', () => {
  it('cancels what the events ask for and emits Requested then the outcome, in input order', async () => {
    const calls: string[] = [];
    const messages = lifecycleMessages([
      orderPaid({ subscriptionRefs: ['P'] }),
      refundApplied('full', { orderRef: '1', subscriptionRefs: ['A', 'B'] }),
      refundApplied('partial', { orderRef: '2', subscriptionRefs: ['KEPT'] }),
      refundApplied('partial', { merchantId: 'm2', orderRef: '3', subscriptionRefs: ['C'] }),
      chargebackLost({ merchantId: 'unknown', subscriptionRefs: ['U'] }),
    ]);
    const outputs = buildOutputs(
      (await processRecords(messages, deps(succeeding(calls)))).entries,
      source,
    );
    expect(calls.sort()).toEqual(['A', 'B', 'C']);
    expect(
      outputs.cancellations.map((e) => `${e.type} ${e.subscriptionRef} ${e.attempts}`),
    ).toEqual([
      'SubscriptionCancellationRequested A 0',
      'SubscriptionCancelled A 1',
      'SubscriptionCancellationRequested B 0',
      'SubscriptionCancelled B 1',
      'SubscriptionCancellationRequested C 0',
      'SubscriptionCancelled C 1',
    ]);
    expect(outputs.cancellations[1]).toMatchObject({
      eventId: 'SubscriptionCancelled:2checkout-1-RefundApplied#0:A',
      causationId: '2checkout-1-RefundApplied#0',
      cause: 'full_refund',
      occurredAt: '2026-01-15T10:00:00.000Z',
    });
    expect(outputs.deadLetters).toEqual([]);
  });

  it('calls a subscription once when two events of one batch ask for it', async () => {
    const calls: string[] = [];
    const messages = lifecycleMessages([
      chargebackLost({ subscriptionRefs: ['S'], notification: 'first' }),
      paymentDenied({ subscriptionRefs: ['S'], notification: 'second' }),
    ]);
    const outputs = buildOutputs(
      (await processRecords(messages, deps(succeeding(calls)))).entries,
      source,
    );
    expect(calls).toEqual(['S']);
    expect(outputs.cancellations.map((e) => `${e.type} ${e.causationId}`)).toEqual([
      'SubscriptionCancellationRequested first#0',
      'SubscriptionCancelled first#0',
    ]);
  });

  it('dead-letters failed cancellations and unreadable records, with where they came from', async () => {
    const refusing: CancellationAdapter = {
      cancel: () =>
        Promise.reject(new CancellationError('receiver_rejected', 'HTTP 404', { status: 404 })),
    };
    const garbage = Buffer.from('not a lifecycle event');
    const messages = lifecycleMessages([garbage, paymentDenied({ subscriptionRefs: ['F'] })], 40);
    const outputs = buildOutputs((await processRecords(messages, deps(refusing))).entries, source);
    expect(outputs.cancellations.map((e) => e.type)).toEqual([
      'SubscriptionCancellationRequested',
      'SubscriptionCancellationFailed',
    ]);
    expect(outputs.deadLetters).toEqual([
      {
        key: Buffer.from('k'),
        value: expect.objectContaining({
          cancellation: null,
          errorCode: 'lifecycle_event_undecodable',
          stage: 'decode',
          sourceOffset: '40',
          sourcePartition: 2,
          sourceValue: garbage,
        }),
      },
      {
        key: 'F',
        value: expect.objectContaining({
          cancellation: expect.objectContaining({
            type: 'SubscriptionCancellationFailed',
            attempts: 1,
          }),
          errorCode: 'receiver_rejected',
          retriable: false,
          stage: 'cancel',
          sourceOffset: '41',
          sourceEventId: '2checkout-1000-PaymentDenied#0',
        }),
      },
    ]);
  });

  it('leaves the batch unfinished when the registry cannot be reached', async () => {
    const unreachable = {
      ...jsonCodecs,
      decodeLifecycleEvent: () =>
        Promise.reject(
          new SchemaRegistryError('registry_unavailable', 'fetch failed', { retriable: true }),
        ),
    };
    await expect(
      processRecords(
        lifecycleMessages([chargebackLost()]),
        deps(succeeding([]), { codecs: unreachable }),
      ),
    ).rejects.toMatchObject({ code: 'registry_unavailable' });
  });

  it('keeps output order whatever order the calls finish in', async () => {
    const pending: (() => void)[] = [];
    const slowFirst: CancellationAdapter = {
      cancel: (request) =>
        new Promise((resolve) => {
          pending.push(() => resolve({ alreadyCancelled: false }));
          if (request.subscriptionRef === 'B')
            pending
              .splice(0)
              .reverse()
              .forEach((f) => f());
        }),
    };
    const messages = lifecycleMessages([chargebackLost({ subscriptionRefs: ['A', 'B'] })]);
    const outputs = buildOutputs((await processRecords(messages, deps(slowFirst))).entries, source);
    expect(outputs.cancellations.map((e) => e.subscriptionRef)).toEqual(['A', 'A', 'B', 'B']);
  });

  it('ends a slice at its workLimit-th record with work, whatever the records without work', async () => {
    const calls: string[] = [];
    const messages = lifecycleMessages([
      orderPaid({ orderRef: '1' }),
      refundApplied('full', { orderRef: '1', subscriptionRefs: ['A'] }),
      refundApplied('partial', { orderRef: '2', subscriptionRefs: ['KEPT'] }),
      orderPaid({ orderRef: '3' }),
      chargebackLost({ orderRef: '3', subscriptionRefs: ['B'] }),
      paymentDenied({ orderRef: '4', subscriptionRefs: ['C'] }),
    ]);
    const first = await processRecords(messages, deps(succeeding(calls)), 2);
    expect(first.consumed).toBe(5);
    expect(first.entries.map((e) => e.offset)).toEqual(['1', '4']);
    const rest = await processRecords(messages.slice(5), deps(succeeding(calls)), 2);
    expect(rest.consumed).toBe(1);
    expect(calls).toEqual(['A', 'B', 'C']);
  });
});
