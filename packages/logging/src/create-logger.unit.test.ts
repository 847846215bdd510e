import { Writable } from 'node:stream';
import { createLogger } from './create-logger';

function capture(): { stream: Writable; lines: () => string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

const pii = [
  'jane.doe@example.com',
  'Jane',
  'Doe-Smith',
  '4111111111111111',
  '4111 1111 1111 1111',
  '12 Main Street',
  '203.0.113.42',
  '2001:db8::8a2e:370:7334',
  '+44 20 7946 0958',
  'sk_live_abc123',
  'hunter2',
  'eyJhbGciOi.token',
  'c2lnbmF0dXJl',
  'cafebabe0123',
];

describe('createLogger', () => {
  it('lets none of the personal data or secrets through', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ service: 'test', destination: stream });
    logger.info(
      {
        email: 'jane.doe@example.com',
        customer: { firstName: 'Jane', lastName: 'Doe-Smith', phone: '+44 20 7946 0958' },
        notification: {
          fields: {
            CUSTOMEREMAIL: 'jane.doe@example.com',
            FIRSTNAME: 'Jane',
            HASH: 'cafebabe0123',
          },
          payment: { card_number: '4111111111111111', cvv: '123' },
        },
        lines: [{ address: '12 Main Street' }, { ip: '203.0.113.42' }],
        request: {
          headers: { 'x-forwarded-for': '203.0.113.42', authorization: 'Bearer eyJhbGciOi.token' },
        },
        merchant: { secretKey: 'sk_live_abc123', webhook: { signature: 'c2lnbmF0dXJl' } },
        kafka: { sasl: { password: 'hunter2' } },
        note: 'customer wrote from 2001:db8::8a2e:370:7334 paying with 4111 1111 1111 1111',
      },
      'refund for jane.doe@example.com from 203.0.113.42, call +44 20 7946 0958',
    );
    logger.error(new Error('lookup failed for jane.doe@example.com'), 'failed');
    const output = lines().join('\n');
    expect(lines()).toHaveLength(2);
    for (const value of pii) expect(output).not.toContain(value);
    expect(output).toContain('[Redacted]');
    expect(output).toContain('[email]');
  });

  it('redacts what an HTTP request serializer produces', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ service: 'ingress', destination: stream });
    logger.info({
      req: {
        method: 'POST',
        remoteAddress: '198.51.100.7',
        headers: { authorization: 'Basic Zm9v' },
      },
      a: { b: { c: { d: { e: { f: { email: 'deep@example.com', password: 'pw-deep' } } } } } },
    });
    const output = lines().join('\n');
    for (const value of ['198.51.100.7', 'Basic Zm9v', 'deep@example.com', 'pw-deep']) {
      expect(output).not.toContain(value);
    }
    expect(JSON.parse(lines()[0]!).req.method).toBe('POST');
  });

  it('keeps what operators need: ids, amounts, times and error names', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ service: 'order-lifecycle', destination: stream });
    logger.warn(
      {
        orderKey: '2checkout:m1:123456789',
        amount: 1999,
        offset: '1234567890123',
        err: { name: 'KafkaJSError', message: 'boom' },
        occurredAt: '2024-05-01T12:34:56.000Z',
      },
      'rejected',
    );
    const line = JSON.parse(lines()[0]!);
    expect(line).toMatchObject({
      service: 'order-lifecycle',
      level: 40,
      orderKey: '2checkout:m1:123456789',
      amount: 1999,
      offset: '1234567890123',
      err: { name: 'KafkaJSError' },
      occurredAt: '2024-05-01T12:34:56.000Z',
      msg: 'rejected',
    });
    expect(typeof line.time).toBe('string');
  });

  it('keeps ids with 16 digits that pass Luhn, and masks a card number in the message', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ service: 'ingress', destination: stream });
    logger.info(
      { ingressId: '4111111111111111', orderKey: '2checkout:m1:4111111111111111' },
      'card 4111111111111111',
    );
    const line = JSON.parse(lines()[0]!);
    expect(line).toMatchObject({
      ingressId: '4111111111111111',
      orderKey: '2checkout:m1:4111111111111111',
      msg: 'card [card]',
    });
  });

  it('honours the level', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ service: 'test', level: 'warn', destination: stream });
    logger.info('hidden');
    logger.warn('shown');
    expect(lines().map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['shown']);
  });
});
