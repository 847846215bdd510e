import {
  OPERATOR_COMMAND_CONTENT_TYPE,
  type OperatorCommandBody,
  type RawNotificationRecord,
} from '@clawback/notifications';
import { normalizeNotification } from '@clawback/providers';
import { kartraOutboundJson } from '@clawback/providers/testing';
import { InvalidOperatorCommand, toOperatorCommand } from './operator-command-record';

const RECEIVED = Date.parse('2026-02-01T10:00:00Z');
const refundBody = kartraOutboundJson({
  action: 'partial_refund_product',
  transactionId: 'R-501',
  amount: '12.00',
  date: '2026-02-01 04:00:00',
});
const subjectId = normalizeNotification({
  provider: 'kartra',
  merchantId: 'm-1',
  body: refundBody.body,
  contentType: refundBody.contentType,
  receivedAt: new Date(RECEIVED).toISOString(),
}).notificationId;

function body(overrides: Partial<OperatorCommandBody> = {}): OperatorCommandBody {
  return {
    version: 1,
    commandId: 'op-1',
    resolution: 'attach',
    caseId: 'case-1',
    caseReason: 'orphan',
    operatorId: 'alice',
    reason: 'customer named order S-1',
    issuedAt: '2026-02-05T09:00:00.000Z',
    subjectNotificationId: subjectId,
    subject: {
      provider: 'kartra',
      merchantId: 'm-1',
      contentType: refundBody.contentType,
      receivedAt: RECEIVED,
      body: refundBody.body.toString('base64'),
    },
    ...overrides,
  };
}

function record(value: unknown, orderKey = 'kartra:m-1:S-1'): RawNotificationRecord {
  return {
    ingressId: 'op-1',
    provider: 'operator',
    merchantId: 'm-1',
    orderKey,
    receivedAt: RECEIVED,
    contentType: OPERATOR_COMMAND_CONTENT_TYPE,
    body: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8'),
  };
}

const decode = (raw: RawNotificationRecord, key: string | undefined = raw.orderKey) =>
  toOperatorCommand(raw, key, () => undefined);

describe('operator command records', () => {
  it('given an attach command, when decoded, then it targets the record order and carries the normalized subject', () => {
    const command = decode(record(body()));
    expect(command).toMatchObject({
      commandId: 'op-1',
      resolution: 'attach',
      orderKey: 'kartra:m-1:S-1',
      provider: 'kartra',
      merchantId: 'm-1',
      orderRef: 'S-1',
      operatorId: 'alice',
    });
    expect(command.subject).toMatchObject({
      notificationId: subjectId,
      orderKey: 'kartra:m-1:R-501',
      kind: 'refund',
      amount: 1200,
    });
  });

  it('given a dismiss without a subject, when decoded, then the subject is null', () => {
    expect(decode(record(body({ resolution: 'dismiss', subject: null }))).subject).toBeNull();
  });

  it.each([
    ['a body that is not JSON', record('{nope'), 'the body is not JSON'],
    ['an unknown version', record({ ...body(), version: 2 }), 'unknown command version 2'],
    ['an unknown resolution', record(body({ resolution: 'undo' as never })), 'unknown resolution'],
    ['a missing operator', record({ ...body(), operatorId: '' }), 'operatorId must be a string'],
    ['an order of another merchant', record(body(), 'kartra:m-2:S-1'), 'not an order of merchant'],
    ['an unknown provider in the order key', record(body(), 'paypal:m-1:S-1'), 'is not an order'],
    [
      'a subject that is another notification',
      record(body({ subjectNotificationId: 'kartra:m-1:other' })),
      'the subject is',
    ],
    ['an attach without subject', record(body({ subject: null })), 'attach needs a subject'],
  ])('given %s, when decoded, then it is refused', (_name, raw, message) => {
    expect(() => decode(raw)).toThrow(InvalidOperatorCommand);
    expect(() => decode(raw)).toThrow(message);
  });

  it('given a record key that is not its order key, when decoded, then it is refused', () => {
    expect(() => decode(record(body()), 'kartra:m-1:S-9')).toThrow('record key');
  });
});
