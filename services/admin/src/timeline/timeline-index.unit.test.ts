import type { RawNotificationRecord } from '@clawback/notifications';
import type { OrderLifecycleEvent } from '@clawback/order-machine';
import type { LogPosition } from '../log/log-entry';
import { TimelineIndex } from './timeline-index';
import type { TimelineRecord } from './timeline-record';

const ORDER = 'kartra:m-1:S-1';
const T = Date.parse('2026-02-01T00:00:00Z');

const at = (topic: string, offset: number, dt = 0): LogPosition => ({
  topic,
  partition: 0,
  offset: String(offset),
  timestamp: T + dt,
});

function raw(ingressId: string, body: string, offset: number, dt: number): TimelineRecord {
  const record: RawNotificationRecord = {
    ingressId,
    provider: 'kartra',
    merchantId: 'm-1',
    orderKey: ORDER,
    receivedAt: T + dt,
    contentType: 'application/json',
    body: Buffer.from(body),
  };
  return {
    source: 'raw',
    position: at('raw', offset, dt),
    raw: record,
    command: null,
    redrive: null,
  };
}

function event(fields: Partial<OrderLifecycleEvent>, offset: number, dt: number): TimelineRecord {
  const e: OrderLifecycleEvent = {
    eventId: 'n-sale#0',
    type: 'OrderPaid',
    orderKey: ORDER,
    provider: 'kartra',
    merchantId: 'm-1',
    orderRef: 'S-1',
    sequence: 1,
    occurredAt: T,
    causationId: 'n-sale',
    currency: 'USD',
    amount: 1000,
    refundedTotal: null,
    remaining: null,
    paid: null,
    kind: null,
    reasonCode: null,
    reason: null,
    detail: null,
    notificationKind: 'payment_completed',
    lines: null,
    affiliate: null,
    subscriptionRefs: null,
    warnings: null,
    ...fields,
  };
  return { source: 'event', position: at('events', offset, dt), event: e };
}

/** The test's adapters: the body is `{id}:{kind}[:{amount}:{currency}]`; `bad` is unreadable. */
const identify = (r: RawNotificationRecord) => {
  const [notificationId = '', kind = '', amount = '0', currency = 'USD'] = r.body
    .toString()
    .split(':');
  const signatureScheme = `scheme-of-${r.ingressId}`;
  if (notificationId === 'bad') return { signatureScheme, normalized: null };
  return {
    signatureScheme,
    normalized: { notificationId, kind, amount: Number(amount), currency },
  };
};

function fold(records: readonly TimelineRecord[]): TimelineIndex {
  const index = new TimelineIndex(identify);
  records.forEach((r) => index.apply(r));
  return index;
}

describe('the order timeline', () => {
  const records: TimelineRecord[] = [
    raw('i-1', 'n-sale:payment_completed', 0, 0),
    event({}, 0, 10),
    raw('i-2', 'n-ref:refund', 1, 20),
    event(
      {
        type: 'NotificationRejected',
        eventId: 'n-ref#0',
        causationId: 'n-ref',
        reason: 'over_refund',
        sequence: 2,
      },
      1,
      30,
    ),
    raw('i-3', 'n-ref:refund', 2, 40),
    {
      source: 'adjustment',
      position: at('adjustments', 0, 15),
      adjustment: {
        adjustmentId: 'a-1',
        type: 'CommissionEarned',
        reason: 'order_paid',
        affiliateId: 'aff-1',
        orderKey: ORDER,
        sourceEventId: 'n-sale#0',
        currency: 'USD',
        amount: 100,
        earnedTotal: 100,
        reversedTotal: 0,
      },
    },
  ];

  it('given records of several topics, when folded in any order, then they are merged by record time', () => {
    for (const order of [records, [...records].reverse()]) {
      const entries = fold(order).timeline(ORDER)!;
      expect(entries.map((e) => `${e.kind}@${e.at.slice(17, 23)}`)).toEqual([
        'notification@00.000',
        'event@00.010',
        'commission_adjustment@00.015',
        'notification@00.020',
        'event@00.030',
        'notification@00.040',
      ]);
    }
  });

  it('given the events a notification caused, when shown, then its outcome says applied, rejected or duplicate', () => {
    const notifications = fold(records)
      .timeline(ORDER)!
      .filter((e) => e.kind === 'notification');
    expect(notifications.map((n) => [n.notificationId, n.outcome, n.reason])).toEqual([
      ['n-sale', 'applied', null],
      ['n-ref', 'rejected', 'over_refund'],
      ['n-ref', 'duplicate', null],
    ]);
  });

  it('given a refund before its sale, when shown, then it is parked; once the sale is read it is still pending until it causes events', () => {
    const early = [raw('i-9', 'n-early:refund', 0, 0)];
    expect(fold(early).timeline(ORDER)![0]).toMatchObject({ outcome: 'parked' });
    const withSale = [...early, event({}, 0, 5)];
    expect(fold(withSale).timeline(ORDER)![0]).toMatchObject({ outcome: 'pending' });
  });

  it('given a dead-lettered notification, when shown, then it is rejected with the dead letter code', () => {
    const dead: TimelineRecord = {
      source: 'dead_letter',
      deadLetter: {
        id: 'raw-0-3',
        queue: 'raw',
        position: at('dlq', 3, 50),
        orderKey: ORDER,
        merchantId: 'm-1',
        provider: 'kartra',
        errorCode: 'malformed_body',
        errorMessage: 'not JSON',
        deadLetteredAt: T + 50,
        raw: (raw('i-bad', 'bad', 3, 45) as Extract<TimelineRecord, { source: 'raw' }>).raw,
        cancellationEventId: null,
        cancellation: null,
      },
    };
    const entries = fold([raw('i-bad', 'bad', 3, 45), dead]).timeline(ORDER)!;
    expect(entries.map((e) => e.kind)).toEqual(['notification', 'dead_letter']);
    expect(entries[0]).toMatchObject({
      notificationId: null,
      outcome: 'rejected',
      reason: 'malformed_body',
    });
  });

  it('given a raw notification, when shown, then it carries its kind, amount, currency and signature scheme', () => {
    const entries = fold([raw('i-7', 'n-p:refund:1250:EUR', 0, 0)]).timeline(ORDER)!;
    expect(entries[0]).toMatchObject({
      notificationKind: 'refund',
      amount: 1250,
      currency: 'EUR',
      signatureScheme: 'scheme-of-i-7',
    });
  });

  it('given an unreadable body, when shown, then amount and kind are null but its scheme is kept', () => {
    expect(fold([raw('i-bad', 'bad', 0, 0)]).timeline(ORDER)![0]).toMatchObject({
      notificationKind: null,
      amount: null,
      currency: null,
      signatureScheme: 'scheme-of-i-bad',
    });
  });

  it('given an operator command, when shown, then its scheme is operator and it has no amount', () => {
    const command: TimelineRecord = {
      ...(raw('i-op', 'n-x:refund:500:USD', 0, 0) as Extract<TimelineRecord, { source: 'raw' }>),
      command: {
        version: 1,
        commandId: 'cmd-1',
        resolution: 'dismiss',
        caseId: 'c-1',
        caseReason: 'orphaned_refund',
        operatorId: 'op-1',
        reason: 'test',
        issuedAt: new Date(T).toISOString(),
        subjectNotificationId: 'n-x',
        subject: null,
      },
    };
    expect(fold([command]).timeline(ORDER)![0]).toMatchObject({
      notificationId: 'cmd-1',
      notificationKind: null,
      signatureScheme: 'operator',
      amount: null,
      currency: null,
    });
  });

  it('given an unknown order, when asked, then there is no timeline', () => {
    expect(fold(records).timeline('kartra:m-1:nope')).toBeUndefined();
  });
});
