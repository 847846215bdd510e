import type {
  CanonicalNotification,
  NotificationKind,
  OperatorCommand,
  RawNotificationRecord,
} from '@clawback/notifications';
import { applyRecords } from './apply-records';
import { ordersToLoad } from './orders-to-load';
import { ParkedIndex } from './parked-index';
import { notificationRecord as toRecord, type PartitionRecord } from './partition-record';

const options = { orphanHorizonMs: 48 * 3_600_000 };
const raw: RawNotificationRecord = {
  ingressId: 'i',
  provider: '2checkout',
  merchantId: 'm',
  orderKey: '2checkout:m:1',
  receivedAt: Date.parse('2026-01-01T00:00:00Z'),
  contentType: 'text/plain',
  body: Buffer.alloc(0),
};

function fact(id: string, kind: NotificationKind, amount: number): CanonicalNotification {
  return {
    notificationId: id,
    provider: '2checkout',
    merchantId: 'm',
    orderRef: '1',
    orderKey: '2checkout:m:1',
    kind,
    ...(kind === 'refund' && { refundScope: 'unspecified' as const }),
    occurredAt: '2026-01-01T00:00:00Z',
    currency: 'USD',
    amount,
    lines: [],
    subscriptionRefs: [],
    providerStatus: kind,
    test: false,
  };
}

const notificationRecord = (offset: string, n: CanonicalNotification): PartitionRecord =>
  toRecord(offset, raw, n);

function commandRecord(offset: string, overrides: Partial<OperatorCommand>): PartitionRecord {
  const subject = fact('over', 'refund', 1500);
  const command: OperatorCommand = {
    commandId: `op-${offset}`,
    resolution: 'apply',
    caseId: 'case-1',
    caseReason: 'over_refund',
    operatorId: 'alice',
    reason: 'provider confirmed',
    issuedAt: '2030-01-01T00:00:00.000Z',
    orderKey: '2checkout:m:1',
    provider: '2checkout',
    merchantId: 'm',
    orderRef: '1',
    subjectNotificationId: subject.notificationId,
    subject,
    ...overrides,
  };
  return { kind: 'command', offset, raw, command };
}

const start = { watermark: null, states: new Map(), parked: new ParkedIndex() };
const facts = [
  notificationRecord('0', fact('sale', 'payment_completed', 1000)),
  notificationRecord('1', fact('over', 'refund', 1500)),
];

describe('operator commands in a partition', () => {
  it('given an over-refund rejected, when the apply command follows in the log, then the remainder is refunded', () => {
    const { events, deadLetters } = applyRecords(
      start,
      [...facts, commandRecord('2', {})],
      options,
    );
    expect(deadLetters).toEqual([]);
    expect(events.map((e) => [e.type, e.causationId])).toEqual([
      ['OrderPaid', 'sale'],
      ['NotificationRejected', 'over'],
      ['RefundApplied', 'op-2'],
    ]);
  });

  it('given a command with its wall-clock time, when applied, then the watermark does not move', () => {
    const { progress } = applyRecords(start, [...facts, commandRecord('2', {})], options);
    expect(progress.watermark).toBe(Date.parse('2026-01-01T00:00:00Z'));
  });

  it('given a command whose time cannot be placed, when applied, then it is dead-lettered', () => {
    const { deadLetters } = applyRecords(
      start,
      [...facts, commandRecord('2', { issuedAt: 'yesterday' })],
      options,
    );
    expect(deadLetters).toEqual([
      expect.objectContaining({ offset: '2', errorCode: 'unplaceable_notification' }),
    ]);
  });

  it('given a command, when the orders to load are listed, then its target order is one', () => {
    const target = commandRecord('0', { orderKey: '2checkout:m:7' });
    expect(ordersToLoad([target], new ParkedIndex(), options.orphanHorizonMs)).toEqual([
      '2checkout:m:7',
    ]);
  });
});
