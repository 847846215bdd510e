import { click2sellNotification } from '../fixtures/click2sell-notification';
import type { IngressRequest } from '../provider-adapter';
import { click2sellAdapter } from './adapter';

function request(
  body: Buffer,
  secretKey = 'c2s-secret',
  contentType = 'application/x-www-form-urlencoded',
): IngressRequest {
  return { merchantId: 'm1', body, contentType, query: {}, secrets: { secretKey }, now: () => 0 };
}

describe('Click2Sell ingress decision', () => {
  const sale = click2sellNotification({ c2sTransactionId: '5550001' }, { secretKey: 'c2s-secret' });

  it('accepts a valid checksum, keys by c2s_transaction_id and answers OK', () => {
    expect(click2sellAdapter.accept(request(sale.body))).toMatchObject({
      outcome: 'accepted',
      orderRef: '5550001',
      orderKey: 'click2sell:m1:5550001',
      response: { body: 'OK' },
    });
  });

  it('is unauthenticated with another secret', () => {
    expect(click2sellAdapter.accept(request(sale.body, 'other'))).toEqual({
      outcome: 'unauthenticated',
      reason: 'signature_mismatch',
    });
  });

  it('is malformed for a JSON content type', () => {
    expect(
      click2sellAdapter.accept(request(sale.body, 'c2s-secret', 'application/json')),
    ).toMatchObject({
      outcome: 'malformed',
      error: { code: 'unsupported_content_type' },
    });
  });
});
