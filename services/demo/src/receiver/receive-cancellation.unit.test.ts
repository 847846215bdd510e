import { signWebhook } from '@clawback/webhook-signature';
import { emptyBook, receiveCancellation } from './receive-cancellation';

const SECRET = 'whsec_unit';
const NOW = 1_772_441_700_000;
const body = Buffer.from(
  JSON.stringify({
    type: 'subscription.cancellation_requested',
    idempotencyKey: 'k1',
    subscriptionRef: 'S-1',
  }),
);
const signed = (secret: string, at = NOW) => signWebhook(secret, body, Math.floor(at / 1000));

describe('receiveCancellation', () => {
  it('books a verified cancellation once and answers 200 to its repeats', () => {
    const book = emptyBook();
    expect(receiveCancellation(book, SECRET, { body, signature: signed(SECRET) }, () => NOW)).toBe(
      200,
    );
    expect(receiveCancellation(book, SECRET, { body, signature: signed(SECRET) }, () => NOW)).toBe(
      200,
    );
    expect([...book.cancellations.keys()]).toEqual(['k1']);
    expect(book.deliveries).toBe(2);
  });

  it.each([
    ['another secret', signed('whsec_other'), 'signature_mismatch'],
    ['an old timestamp', signed(SECRET, NOW - 301_000), 'signature_timestamp_out_of_tolerance'],
  ])('refuses a signature made with %s', (_what, signature, code) => {
    const book = emptyBook();
    expect(receiveCancellation(book, SECRET, { body, signature }, () => NOW)).toBe(401);
    expect(book.refused).toEqual([code]);
    expect(book.cancellations.size).toBe(0);
  });

  it('refuses a request without a signature', () => {
    const book = emptyBook();
    expect(receiveCancellation(book, SECRET, { body, signature: undefined }, () => NOW)).toBe(401);
    expect(book.refused).toHaveLength(1);
  });
});
