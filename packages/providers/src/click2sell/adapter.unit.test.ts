import { click2sellNotification } from '../fixtures/click2sell-notification';
import type { IngressRequest } from '../provider-adapter';
import { click2sellIpnAdapter } from './adapter';

const TOKEN = 'c2s-url-token';

function request(
  body: Buffer,
  secretKey = 'c2s-secret',
  contentType = 'application/x-www-form-urlencoded',
  overrides: Partial<IngressRequest> = {},
): IngressRequest {
  return {
    merchantId: 'm1',
    body,
    contentType,
    query: { token: TOKEN },
    secrets: { secretKey, urlToken: TOKEN },
    now: () => 0,
    ...overrides,
  };
}

/** A copy of `body` with `key`'s value replaced (checksum left as it was). */
function edited(body: Buffer, changes: Readonly<Record<string, string>>): Buffer {
  const params = new URLSearchParams(body.toString('latin1'));
  for (const [key, value] of Object.entries(changes)) params.set(key, value);
  return Buffer.from(params.toString(), 'latin1');
}

describe('Click2Sell ingress decision', () => {
  const sale = click2sellNotification({ c2sTransactionId: '5550001' }, { secretKey: 'c2s-secret' });

  it('accepts a valid checksum, keys by c2s_transaction_id and answers OK', () => {
    expect(click2sellIpnAdapter.accept(request(sale.body))).toMatchObject({
      outcome: 'accepted',
      orderRef: '5550001',
      orderKey: 'click2sell:m1:5550001',
      response: { body: 'OK' },
    });
  });

  it('is unauthenticated with another secret', () => {
    expect(click2sellIpnAdapter.accept(request(sale.body, 'other'))).toEqual({
      outcome: 'unauthenticated',
      reason: 'signature_mismatch',
    });
  });

  it('is malformed for a JSON content type', () => {
    expect(
      click2sellIpnAdapter.accept(request(sale.body, 'c2s-secret', 'application/json')),
    ).toMatchObject({
      outcome: 'malformed',
      error: { code: 'unsupported_content_type' },
    });
  });

  it('is unauthenticated without the URL token, with a wrong one, or with none configured', () => {
    const cases = [
      [{ query: {} }, 'missing_url_token'],
      [{ query: { token: 'guess' } }, 'url_token_mismatch'],
      [
        { query: { token: TOKEN }, secrets: { secretKey: 'c2s-secret' } },
        'url_token_not_configured',
      ],
    ] as const;
    for (const [overrides, reason] of cases) {
      expect(
        click2sellIpnAdapter.accept(request(sale.body, 'c2s-secret', undefined, overrides)),
      ).toEqual({ outcome: 'unauthenticated', reason });
    }
  });

  it('accepts the checksum alone only for a merchant that set allowChecksumOnly', () => {
    const secrets = { secretKey: 'c2s-secret', allowChecksumOnly: true };
    const decision = click2sellIpnAdapter.accept(
      request(sale.body, 'c2s-secret', undefined, { query: {}, secrets }),
    );
    expect(decision.outcome).toBe('accepted');
  });

  it('refuses a notification without acquirer id (its checksum is one constant per merchant)', () => {
    const params = new URLSearchParams(sale.body.toString('latin1'));
    params.delete('acquirer_transaction_id');
    const body = Buffer.from(params.toString(), 'latin1');
    expect(click2sellIpnAdapter.accept(request(body))).toEqual({
      outcome: 'unauthenticated',
      reason: 'missing_acquirer_id',
    });
    const blank = edited(sale.body, { acquirer_transaction_id: '' });
    expect(click2sellIpnAdapter.accept(request(blank))).toEqual({
      outcome: 'unauthenticated',
      reason: 'missing_acquirer_id',
    });
  });

  it('refuses a forged copy (refund, other price, same checksum) sent without the URL token', () => {
    const forged = edited(sale.body, { transaction_type: 'Refund', product_price: '1.00 EUR' });
    const decision = click2sellIpnAdapter.accept(
      request(forged, 'c2s-secret', undefined, { query: {} }),
    );
    expect(decision).toEqual({ outcome: 'unauthenticated', reason: 'missing_url_token' });
  });
});
