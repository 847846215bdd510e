import { kartraIpn } from '../fixtures/kartra-ipn';
import { kartraOutboundJson } from '../fixtures/kartra-outbound-json';
import type { IngressRequest } from '../provider-adapter';
import { kartraIpnAdapter } from './adapter';

const SECRETS = { secretKey: 'kartra-secret', urlToken: 'tok_9f2c' };

function request(
  body: Buffer,
  contentType: string,
  overrides: Partial<IngressRequest> = {},
): IngressRequest {
  return {
    merchantId: 'm1',
    body,
    contentType,
    query: {},
    secrets: SECRETS,
    now: () => 0,
    ...overrides,
  };
}

describe('Kartra ingress: IPN form', () => {
  const refund = kartraIpn({ transactionId: '900', parentId: '800', type: 'refund' }, SECRETS);

  it('accepts the right secret echo, keys by the parent order, answers OK', () => {
    const decision = kartraIpnAdapter.accept(request(refund.body, refund.contentType));
    expect(decision).toMatchObject({
      outcome: 'accepted',
      orderRef: '800',
      orderKey: 'kartra:m1:800',
      response: { contentType: 'text/plain; charset=utf-8', body: 'OK' },
    });
  });

  it('stores the body with the secret echo redacted, and it still normalizes', () => {
    const decision = kartraIpnAdapter.accept(request(refund.body, refund.contentType));
    if (decision.outcome !== 'accepted') throw new Error('not accepted');
    expect(decision.recordBody.toString()).not.toContain('kartra-secret');
    expect(decision.recordBody.toString()).toContain('&secret_key=redacted');
    expect(decision.recordBody.toString().replace('redacted', 'kartra-secret')).toBe(
      refund.body.toString(),
    );
    const stored = kartraIpnAdapter.normalize({
      merchantId: 'm1',
      body: decision.recordBody,
      contentType: refund.contentType,
    });
    const original = kartraIpnAdapter.normalize({
      merchantId: 'm1',
      body: refund.body,
      contentType: refund.contentType,
    });
    expect(stored).toEqual(original);
  });

  it('is unauthenticated for a wrong, missing or N/A secret, or none configured', () => {
    const wrong = kartraIpn({ transactionId: '900' }, { secretKey: 'guess' });
    expect(kartraIpnAdapter.accept(request(wrong.body, wrong.contentType))).toEqual({
      outcome: 'unauthenticated',
      reason: 'signature_mismatch',
    });
    const na = kartraIpn({ transactionId: '900' }, { secretKey: 'N/A' });
    expect(kartraIpnAdapter.accept(request(na.body, na.contentType))).toEqual({
      outcome: 'unauthenticated',
      reason: 'missing_signature',
    });
    const none = request(refund.body, refund.contentType, { secrets: { secretKey: '' } });
    expect(kartraIpnAdapter.accept(none)).toEqual({
      outcome: 'unauthenticated',
      reason: 'secret_not_configured',
    });
  });

  it('is malformed for a signed IPN without transaction_id, or an unknown content type', () => {
    const noId = kartraIpn({ transactionId: 'N/A' }, SECRETS);
    expect(kartraIpnAdapter.accept(request(noId.body, noId.contentType))).toMatchObject({
      outcome: 'malformed',
      error: { code: 'missing_field', field: 'transaction_id' },
    });
    expect(kartraIpnAdapter.accept(request(refund.body, 'text/xml'))).toMatchObject({
      outcome: 'malformed',
      error: { code: 'unsupported_content_type' },
    });
  });
});

describe('Kartra ingress: outbound JSON', () => {
  const json = kartraOutboundJson({ action: 'refund_product', transactionId: '800' });

  it('accepts the JSON only with the merchant URL token', () => {
    const ok = kartraIpnAdapter.accept(
      request(json.body, json.contentType, { query: { token: 'tok_9f2c' } }),
    );
    expect(ok).toMatchObject({ outcome: 'accepted', orderKey: 'kartra:m1:800' });
    if (ok.outcome === 'accepted') expect(ok.recordBody.equals(json.body)).toBe(true);
  });

  it.each<[Record<string, unknown>, string]>([
    [{}, 'missing_url_token'],
    [{ token: '' }, 'missing_url_token'],
    [{ token: ['tok_9f2c', 'x'] }, 'missing_url_token'],
    [{ token: 'tok_9f2d' }, 'url_token_mismatch'],
  ])('query %j is unauthenticated (%s)', (query, reason) => {
    expect(kartraIpnAdapter.accept(request(json.body, json.contentType, { query }))).toEqual({
      outcome: 'unauthenticated',
      reason,
    });
  });

  it('is closed when the merchant has no URL token, even with a secret', () => {
    const decision = kartraIpnAdapter.accept(
      request(json.body, json.contentType, {
        query: { token: 'x' },
        secrets: { secretKey: 'kartra-secret' },
      }),
    );
    expect(decision).toEqual({ outcome: 'unauthenticated', reason: 'url_token_not_configured' });
  });

  it('recognises JSON sent with a form content type or none by its leading brace', () => {
    for (const contentType of ['application/x-www-form-urlencoded', '']) {
      const decision = kartraIpnAdapter.accept(request(json.body, contentType, { query: {} }));
      expect(decision).toEqual({ outcome: 'unauthenticated', reason: 'missing_url_token' });
    }
  });

  it('checks the token before reading the body', () => {
    const garbage = Buffer.from('{not json');
    expect(kartraIpnAdapter.accept(request(garbage, 'application/json'))).toMatchObject({
      outcome: 'unauthenticated',
    });
    expect(
      kartraIpnAdapter.accept(
        request(garbage, 'application/json', { query: { token: 'tok_9f2c' } }),
      ),
    ).toMatchObject({ outcome: 'malformed', error: { code: 'malformed_body' } });
  });
});
