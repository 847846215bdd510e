import type { OperatorCommandBody, RawNotificationRecord } from '@clawback/notifications';
import type { OrderLifecycleEvent } from '@clawback/order-machine';
import type { DeadLetterEntry, LogEntry } from '../log/log-entry';
import { allowedResolutions } from '../commands/allowed-resolutions';
import { CaseBook } from './case-book';
import { OVERDUE_EVENT_TYPE } from './case-sources';

const ORDER = 'kartra:m-1:S-1';
const T = Date.parse('2026-02-01T00:00:00Z');
let offset = 0;
const position = (topic: string) => ({
  topic,
  partition: 0,
  offset: String(offset++),
  timestamp: T,
});

function event(fields: Partial<OrderLifecycleEvent>): LogEntry {
  const base: OrderLifecycleEvent = {
    eventId: 'n-1#0',
    type: 'NotificationRejected',
    orderKey: ORDER,
    provider: 'kartra',
    merchantId: 'm-1',
    orderRef: 'S-1',
    sequence: 2,
    occurredAt: T,
    causationId: 'n-1',
    currency: 'USD',
    amount: 1500,
    refundedTotal: null,
    remaining: null,
    paid: null,
    kind: null,
    reasonCode: null,
    reason: 'over_refund',
    detail: 'refund of 1500 exceeds the remaining 1000',
    notificationKind: 'refund',
    lines: null,
    affiliate: null,
    subscriptionRefs: null,
    warnings: [],
  };
  return { source: 'event', position: position('events'), event: { ...base, ...fields } };
}

const raw: RawNotificationRecord = {
  ingressId: 'op-1',
  provider: 'operator',
  merchantId: 'm-1',
  orderKey: ORDER,
  receivedAt: T,
  contentType: 'application/vnd.clawback.operator-command+json',
  body: Buffer.alloc(0),
};

function command(caseId: string, overrides: Partial<OperatorCommandBody> = {}): LogEntry {
  const body: OperatorCommandBody = {
    version: 1,
    commandId: 'op-1',
    resolution: 'apply',
    caseId,
    caseReason: 'over_refund',
    operatorId: 'alice',
    reason: 'confirmed',
    issuedAt: '2026-02-02T00:00:00.000Z',
    subjectNotificationId: 'n-1',
    subject: null,
    ...overrides,
  };
  return { source: 'raw', position: position('raw'), raw, command: body, redrive: null };
}

const deadLetter: DeadLetterEntry = {
  id: 'raw-0-7',
  queue: 'raw',
  position: { topic: 'dlq', partition: 0, offset: '7', timestamp: T },
  orderKey: ORDER,
  merchantId: 'm-1',
  provider: 'kartra',
  errorCode: 'malformed_body',
  errorMessage: 'not JSON',
  deadLetteredAt: T,
  raw,
  cancellationEventId: null,
  cancellation: null,
};

function only(book: CaseBook) {
  const cases = book.list();
  expect(cases).toHaveLength(1);
  return cases[0]!;
}

describe('the cases projection', () => {
  it('given an over-refund rejection, when folded, then it is an open case with its amounts', () => {
    const book = new CaseBook();
    book.apply(event({}));
    expect(only(book)).toMatchObject({
      kind: 'rejected',
      orderKey: ORDER,
      reasonCode: 'over_refund',
      subjectId: 'n-1',
      status: 'open',
      amounts: { currency: 'USD', amount: 1500, applied: 0, excess: null },
    });
  });

  it('given rejections of kinds that move no money, when folded, then they are no cases', () => {
    const book = new CaseBook();
    book.apply(event({ notificationKind: 'subscription_ended' }));
    book.apply(event({ type: 'RefundApplied', reason: null }));
    expect(book.list()).toEqual([]);
  });

  it('given an apply whose remainder was refunded, when folded in any order, then the case is resolved with the excess', () => {
    const caseId = (() => {
      const b = new CaseBook();
      b.apply(event({}));
      return only(b).caseId;
    })();
    const outcome = event({
      type: 'RefundApplied',
      eventId: 'op-1#0',
      causationId: 'op-1',
      amount: 600,
    });
    const entries = [event({}), command(caseId), outcome];
    for (const order of [entries, [...entries].reverse()]) {
      const book = new CaseBook();
      order.forEach((e) => book.apply(e));
      expect(only(book)).toMatchObject({
        status: 'resolved',
        amounts: { amount: 1500, applied: 600, excess: 900 },
        resolutions: [
          { commandId: 'op-1', operatorId: 'alice', eventIds: ['op-1#0'], refusal: null },
        ],
      });
    }
  });

  it('given a command the lifecycle refused, when folded, then the case stays open with the refusal', () => {
    const book = new CaseBook();
    book.apply(event({}));
    const { caseId } = only(book);
    book.apply(command(caseId));
    book.apply(
      event({
        eventId: 'op-1#0',
        causationId: 'op-1',
        detail: 'operator apply: nothing is left to refund',
      }),
    );
    expect(only(book)).toMatchObject({
      status: 'open',
      resolutions: [{ refusal: 'operator apply: nothing is left to refund' }],
    });
  });

  it('given an overdue report then a dismissal, when folded, then the case is dismissed', () => {
    const book = new CaseBook();
    book.apply(event({ type: OVERDUE_EVENT_TYPE, reason: null, notificationKind: 'refund' }));
    const { caseId, reasonCode, kind } = only(book);
    expect([kind, reasonCode]).toEqual(['overdue', 'overdue']);
    book.apply(command(caseId, { resolution: 'dismiss', caseReason: 'overdue' }));
    expect(only(book).status).toBe('dismissed');
  });

  it('given a dead letter and its redrive, when folded, then its case is resolved and open counts drop', () => {
    const book = new CaseBook();
    book.apply({ source: 'dead_letter', deadLetter });
    expect(book.figures(T + 60_000)).toEqual({
      openByReason: new Map([['malformed_body', 1]]),
      oldestOpenAgeSeconds: 60,
    });
    book.apply({
      source: 'raw',
      position: position('raw'),
      raw,
      command: null,
      redrive: { deadLetterId: 'raw-0-7', operatorId: 'bob', reason: 'adapter fixed' },
    });
    expect(only(book)).toMatchObject({
      kind: 'dead_letter',
      status: 'resolved',
      resolutions: [{ resolution: 'redrive', operatorId: 'bob', reason: 'adapter fixed' }],
    });
    expect(book.figures(T + 60_000).oldestOpenAgeSeconds).toBe(0);
    expect(book.deadLetter('raw-0-7')).toBe(deadLetter);
  });

  describe('a fact applied at its receipt because its provider time was implausible (ADR 0020)', () => {
    const warned = (fields: Partial<OrderLifecycleEvent> = {}) =>
      event({
        type: 'RefundApplied',
        reason: null,
        detail: null,
        notificationKind: null,
        amount: 2500,
        providerTimeWarning: {
          code: 'provider_time_implausible',
          providerTime: '9999-12-31T23:59:59Z',
          detail: 'provider time 9999-12-31T23:59:59Z is implausible; applied at its receipt',
        },
        ...fields,
      });

    it('given a RefundApplied with a provider-time warning, when folded, then it is an open case that only dismiss fits', () => {
      const book = new CaseBook();
      book.apply(warned());
      const c = only(book);
      expect(c).toMatchObject({
        kind: 'provider_time',
        reasonCode: 'provider_time_implausible',
        subjectId: 'n-1',
        status: 'open',
        detail: expect.stringContaining('9999-12-31T23:59:59Z'),
        amounts: { currency: 'USD', amount: 2500, applied: 0, excess: null },
        firstSeen: new Date(T).toISOString(),
      });
      // Already applied: applying it again would refund twice, and there is nothing to attach.
      expect(allowedResolutions(c)).toEqual(['dismiss']);
      book.apply(
        command(c.caseId, { resolution: 'dismiss', caseReason: 'provider_time_implausible' }),
      );
      expect(only(book).status).toBe('dismissed');
      expect(book.figures(T).openByReason).toEqual(new Map());
    });

    it('given a rejected fact that also had an implausible time, when folded, then it is two cases: the rejection and the time', () => {
      const book = new CaseBook();
      book.apply(
        warned({
          type: 'NotificationRejected',
          reason: 'over_refund',
          detail: 'x',
          notificationKind: 'refund',
        }),
      );
      expect(
        book
          .list()
          .map((c) => c.reasonCode)
          .sort(),
      ).toEqual(['over_refund', 'provider_time_implausible']);
    });

    it('given events without the warning, or caused by an operator command, when folded, then no time case opens', () => {
      const book = new CaseBook();
      book.apply(event({ type: 'RefundApplied', reason: null }));
      book.apply(warned({ eventId: 'op-9#0', causationId: 'op-9' }));
      expect(book.list()).toEqual([]);
    });
  });
});
