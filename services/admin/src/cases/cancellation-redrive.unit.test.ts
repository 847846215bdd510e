import { planRedrive } from '../commands/plan-redrive';
import type { DeadLetterEntry, FailedCancellation } from '../log/log-entry';
import type { CancellationValue } from '../timeline/timeline-record';
import { CaseBook } from './case-book';

const T = Date.UTC(2026, 1, 2);
const failed: FailedCancellation = {
  eventId: 'SubscriptionCancellationFailed:ev-1:S1',
  subscriptionRef: 'S1',
  orderKey: 'kartra:m-1:S-1',
  merchantId: 'm-1',
  provider: 'kartra',
  adapter: 'webhook',
  cause: 'chargeback_lost',
  causationId: 'ev-1',
  idempotencyKey: 'k',
  occurredAt: T,
};
const deadLetter: DeadLetterEntry = {
  id: 'cancellations-1-4',
  queue: 'cancellations',
  position: { topic: 'dlq', partition: 1, offset: '4', timestamp: T },
  orderKey: failed.orderKey,
  merchantId: 'm-1',
  provider: 'kartra',
  errorCode: 'receiver_unavailable',
  errorMessage: 'HTTP 503',
  deadLetteredAt: T,
  raw: null,
  cancellationEventId: failed.eventId,
  cancellation: failed,
};
const origin = { deadLetterId: deadLetter.id, operatorId: 'alice', reason: 'fixed' };
const step = (type: string, extra: Partial<CancellationValue> = {}): CancellationValue => ({
  eventId: `${type}:ev-1:S1:redrive:${deadLetter.id}`,
  type,
  subscriptionRef: 'S1',
  orderKey: failed.orderKey,
  causationId: 'ev-1',
  cause: 'chargeback_lost',
  attempts: 1,
  redrive: origin,
  ...extra,
});

describe('planRedrive of a cancellation dead letter', () => {
  it('given a dead-lettered cancellation, then a redrive command with the failed request and who and why', () => {
    expect(planRedrive(deadLetter, 'alice', 'fixed')).toEqual({
      topic: 'cancellationsRedrive',
      value: {
        deadLetterId: 'cancellations-1-4',
        operatorId: 'alice',
        reason: 'fixed',
        failedEventId: failed.eventId,
        subscriptionRef: 'S1',
        orderKey: failed.orderKey,
        merchantId: 'm-1',
        provider: 'kartra',
        adapter: 'webhook',
        cause: 'chargeback_lost',
        causationId: 'ev-1',
        idempotencyKey: 'k',
        occurredAt: T,
      },
    });
  });

  it('given a dead letter whose lifecycle event could not be read, then the redrive is refused', () => {
    expect(() => planRedrive({ ...deadLetter, cancellation: null }, 'alice', '')).toThrow(
      expect.objectContaining({ code: 'resolution_not_allowed' }),
    );
  });
});

describe('the case of a cancellation dead letter', () => {
  const book = () => {
    const b = new CaseBook();
    b.apply({ source: 'dead_letter', deadLetter });
    return b;
  };

  it('given a redrive still under way, then the case stays open and shows it', () => {
    const b = book();
    b.applyCancellation(step('SubscriptionCancellationRequested'));
    const [c] = b.list();
    expect(c).toMatchObject({ kind: 'cancellation_dead_letter', status: 'open' });
    expect(c!.resolutions).toEqual([
      expect.objectContaining({ resolution: 'redrive', operatorId: 'alice', reason: 'fixed' }),
    ]);
  });

  it('given a redrive that failed again, then the case stays open with why', () => {
    const b = book();
    b.applyCancellation(step('SubscriptionCancellationRequested'));
    b.applyCancellation(
      step('SubscriptionCancellationFailed', { lastError: { code: 'receiver_rejected' } }),
    );
    const [c] = b.list();
    expect(c!.status).toBe('open');
    expect(c!.resolutions[0]!.refusal).toBe('the cancellation failed again: receiver_rejected');
  });

  it('given the redriven cancellation succeeded, when folded in any order, then the case is resolved', () => {
    for (const order of [
      ['dl', 'req', 'ok'],
      ['ok', 'req', 'dl'],
    ]) {
      const b = new CaseBook();
      for (const what of order) {
        if (what === 'dl') b.apply({ source: 'dead_letter', deadLetter });
        if (what === 'req') b.applyCancellation(step('SubscriptionCancellationRequested'));
        if (what === 'ok') b.applyCancellation(step('SubscriptionCancelled'));
      }
      const [c] = b.list();
      expect(c!.status).toBe('resolved');
      expect(c!.resolutions).toHaveLength(1);
    }
  });

  it('given cancellation records without a redrive, then they change no case', () => {
    const b = book();
    b.applyCancellation(step('SubscriptionCancelled', { redrive: null }));
    expect(b.list()[0]!.status).toBe('open');
  });
});
