import type { OperatorCommandBody } from './operator-command';
import { encodeOperatorCommand, operatorCommandSubject } from './operator-command-record';
import type { RawNotificationRecord } from './raw-notification-record';

const original: RawNotificationRecord = {
  ingressId: 'i-1',
  provider: 'kartra',
  merchantId: 'm-1',
  orderKey: 'kartra:m-1:R-9',
  receivedAt: 1_796_000_000_000,
  contentType: 'application/json',
  body: Buffer.from('{"refund":true}'),
};

const body: OperatorCommandBody = {
  version: 1,
  commandId: 'op-1',
  resolution: 'attach',
  caseId: 'case-1',
  caseReason: 'orphan',
  operatorId: 'alice',
  reason: 'customer named S-1',
  issuedAt: '2026-12-02T13:00:00.000Z',
  subjectNotificationId: 'kartra:m-1:refund:R-9',
  subject: operatorCommandSubject(original),
};

describe('encoding an operator command record', () => {
  it('given an attach, when encoded, then it is an operator record of the target order keyed by its command id', () => {
    const record = encodeOperatorCommand(
      body,
      { orderKey: 'kartra:m-1:S-1', merchantId: 'm-1' },
      5,
    );
    expect(record).toMatchObject({
      ingressId: 'op-1',
      provider: 'operator',
      merchantId: 'm-1',
      orderKey: 'kartra:m-1:S-1',
      receivedAt: 5,
      contentType: 'application/vnd.clawback.operator-command+json',
    });
    expect(JSON.parse(record.body.toString('utf8'))).toEqual(body);
  });

  it('given the subject, when carried, then its body is the original bytes in base64', () => {
    expect(Buffer.from(body.subject!.body, 'base64').equals(original.body)).toBe(true);
    expect(body.subject).toMatchObject({ provider: 'kartra', receivedAt: original.receivedAt });
  });

  it('given the same command with fields in another order, when encoded, then the bytes are equal', () => {
    const shuffled = Object.fromEntries(Object.entries(body).reverse()) as OperatorCommandBody;
    const target = { orderKey: 'kartra:m-1:S-1', merchantId: 'm-1' };
    expect(encodeOperatorCommand(shuffled, target, 5).body).toEqual(
      encodeOperatorCommand(body, target, 5).body,
    );
  });

  it('given a target of another merchant or a bad id, when encoded, then it is refused', () => {
    expect(() =>
      encodeOperatorCommand(body, { orderKey: 'kartra:m-2:S-1', merchantId: 'm-1' }, 5),
    ).toThrow(RangeError);
    expect(() =>
      encodeOperatorCommand(
        { ...body, commandId: 'x-1' },
        { orderKey: 'kartra:m-1:S-1', merchantId: 'm-1' },
        5,
      ),
    ).toThrow(/op-/);
  });
});
