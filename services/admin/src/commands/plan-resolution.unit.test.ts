import type { RawNotificationRecord } from '@clawback/notifications';
import { kartraOutboundJson, normalizeNotification } from '@clawback/providers';
// The lifecycle's own decoder of command records: what is written here must decode there.
import { toOperatorCommand } from '../../../order-lifecycle/src/records/operator-command-record';
import type { Case } from '../cases/case';
import { planResolution, type PlanInputs } from './plan-resolution';

const RECEIVED = Date.parse('2026-02-01T10:00:00Z');
const refund = kartraOutboundJson({
  action: 'partial_refund_product',
  transactionId: 'R-501',
  amount: '12.00',
  date: '2026-02-01 04:00:00',
});
const subject: RawNotificationRecord = {
  ingressId: 'i-7',
  provider: 'kartra',
  merchantId: 'm-1',
  orderKey: 'kartra:m-1:R-501',
  receivedAt: RECEIVED,
  contentType: refund.contentType,
  body: refund.body,
};
const subjectId = normalizeNotification({
  ...subject,
  provider: 'kartra',
  receivedAt: new Date(RECEIVED).toISOString(),
}).notificationId;

const orphan: Case = {
  caseId: 'case-0123456789abcdef',
  kind: 'overdue',
  orderKey: subject.orderKey,
  merchantId: 'm-1',
  provider: 'kartra',
  reasonCode: 'overdue',
  detail: '',
  subjectId,
  amounts: { currency: 'USD', amount: 1200, applied: 0, excess: null },
  firstSeen: '2026-02-01T04:00:00.000Z',
  lastSeen: '2026-02-01T04:00:00.000Z',
  status: 'open',
  resolutions: [],
};

let ids = 0;
const inputs = (overrides: Partial<PlanInputs> = {}): PlanInputs => ({
  case: orphan,
  request: { resolution: 'attach', orderKey: 'kartra:m-1:S-1', reason: 'buyer named S-1' },
  operatorId: 'alice',
  subject,
  nowMs: Date.parse('2026-02-09T09:00:00Z'),
  newCommandId: () => `op-${++ids}`,
  ...overrides,
});

const decode = (raw: RawNotificationRecord) =>
  toOperatorCommand(raw, raw.orderKey, () => undefined);

describe('planning a resolution', () => {
  it('given an attach of an overdue refund, when planned, then the lifecycle decodes it on the target order with the original notification', () => {
    const plan = planResolution(inputs());
    expect(plan.orderKey).toBe('kartra:m-1:S-1');
    const [attach, release] = plan.records.map(decode);
    expect(attach).toMatchObject({
      commandId: plan.commandId,
      resolution: 'attach',
      caseId: orphan.caseId,
      orderKey: 'kartra:m-1:S-1',
      operatorId: 'alice',
      reason: 'buyer named S-1',
      subjectNotificationId: subjectId,
      subject: { notificationId: subjectId, kind: 'refund', amount: 1200 },
    });
    expect(release).toMatchObject({
      resolution: 'dismiss',
      orderKey: subject.orderKey,
      caseId: `${orphan.caseId}/release`,
      subject: null,
    });
  });

  it('given an apply of an over-refund, when planned, then one command keyed by the case order is written', () => {
    const overRefund: Case = { ...orphan, kind: 'rejected', reasonCode: 'over_refund' };
    const plan = planResolution(
      inputs({ case: overRefund, request: { resolution: 'apply', orderKey: null, reason: 'ok' } }),
    );
    expect(plan.records).toHaveLength(1);
    expect(decode(plan.records[0]!)).toMatchObject({
      resolution: 'apply',
      orderKey: subject.orderKey,
    });
  });

  it('given a dismiss of a dead letter of an order, when planned, then it carries no subject', () => {
    const dead: Case = {
      ...orphan,
      kind: 'dead_letter',
      reasonCode: 'malformed_body',
      subjectId: 'raw-0-1',
    };
    const plan = planResolution(
      inputs({
        case: dead,
        subject: undefined,
        request: { resolution: 'dismiss', orderKey: null, reason: 'test data' },
      }),
    );
    expect(decode(plan.records[0]!)).toMatchObject({ resolution: 'dismiss', subject: null });
  });

  it.each([
    [
      'apply on an orphan',
      {},
      { resolution: 'apply', orderKey: null },
      /does not fit a case of reason overdue/,
    ],
    ['a closed case', { status: 'resolved' }, {}, /is resolved, not open/],
    [
      'attach to another merchant',
      {},
      { orderKey: 'kartra:m-2:S-1' },
      /not an order of kartra merchant m-1/,
    ],
    ['attach to its own order', {}, { orderKey: subject.orderKey }, /already on/],
    ['a key that is no order', { orderKey: 'ingress-id-1' }, {}, /not an order key/],
  ])(
    'given %s, when planned, then it is refused before anything is written',
    (_what, c, r, message) => {
      const base = inputs();
      expect(() =>
        planResolution({
          ...base,
          case: { ...orphan, ...c } as Case,
          request: { ...base.request, ...r } as PlanInputs['request'],
        }),
      ).toThrow(
        expect.objectContaining({
          code: 'resolution_not_allowed',
          message: expect.stringMatching(message),
        }),
      );
    },
  );

  it('given the notification is gone from the raw log, when an attach is planned, then it is refused', () => {
    expect(() => planResolution(inputs({ subject: undefined }))).toThrow(
      /no longer in the raw log/,
    );
  });
});
