import type { KafkaMessage } from '@clawback/kafka';
import type { RawNotificationRecord } from '@clawback/notifications';
import { decodeEntry } from './decode-entry';

const raw: RawNotificationRecord = {
  ingressId: 'i-1',
  provider: 'kartra',
  merchantId: 'm-1',
  orderKey: 'kartra:m-1:S-1',
  receivedAt: 0,
  contentType: 'application/json',
  body: Buffer.from('{}'),
};

function message(headers: KafkaMessage['headers'] = {}): KafkaMessage {
  return {
    key: Buffer.from(raw.orderKey),
    value: Buffer.from('x'),
    timestamp: '1000',
    attributes: 0,
    offset: '5',
    headers,
  };
}

const at = { topic: 't', partition: 2, offset: '5' };

describe('decoding the log for the cases projection', () => {
  it('given a redriven raw record, when decoded, then it names its dead letter and operator', async () => {
    const entry = await decodeEntry(
      'raw',
      at,
      message({
        'clawback-redrive-of': Buffer.from('raw-0-7'),
        'clawback-operator': Buffer.from('bob'),
        'clawback-reason': Buffer.from('fixed'),
      }),
      () => Promise.resolve(raw),
    );
    expect(entry).toMatchObject({
      source: 'raw',
      command: null,
      redrive: { deadLetterId: 'raw-0-7', operatorId: 'bob', reason: 'fixed' },
      position: { timestamp: 1000 },
    });
  });

  it('given a raw dead letter, when decoded, then its id is its queue and position', async () => {
    const value = { notification: raw, errorCode: 'malformed_body', errorMessage: 'bad' };
    const entry = await decodeEntry('rawDeadLetters', at, message(), () => Promise.resolve(value));
    expect(entry).toMatchObject({
      source: 'dead_letter',
      deadLetter: {
        id: 'raw-2-5',
        queue: 'raw',
        orderKey: raw.orderKey,
        errorCode: 'malformed_body',
      },
    });
  });

  it('given an unreadable cancellation dead letter, when decoded, then it is keyed by the record key', async () => {
    const value = { cancellation: null, errorCode: 'undecodable_event', errorMessage: 'bad' };
    const entry = await decodeEntry('cancellationDeadLetters', at, message(), () =>
      Promise.resolve(value),
    );
    expect(entry).toMatchObject({
      deadLetter: { id: 'cancellations-2-5', orderKey: raw.orderKey, cancellationEventId: null },
    });
  });
});
