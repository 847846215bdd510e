import { twoCheckoutIpn } from '../fixtures/twocheckout-ipn';
import { encodeForm } from '../fixtures/form-body';
import type { IngressRequest } from '../provider-adapter';
import { twoCheckoutIpnAdapter } from './adapter';

const SECRET = 'sk_2co_test';
const NOW = Date.UTC(2026, 0, 31, 12, 0, 7);

function request(body: Buffer, overrides: Partial<IngressRequest> = {}): IngressRequest {
  return {
    merchantId: 'm1',
    body,
    contentType: 'application/x-www-form-urlencoded; charset=UTF-8',
    query: {},
    secrets: { secretKey: SECRET },
    now: () => NOW,
    ...overrides,
  };
}

describe('2Checkout ingress decision', () => {
  it('refuses an MD5-only IPN by default and a blanked SHA3 even when sha256 is allowed', () => {
    const md5 = twoCheckoutIpn({ refno: '1' }, { secretKey: SECRET, algorithm: 'md5' });
    expect(twoCheckoutIpnAdapter.accept(request(md5.body))).toEqual({
      outcome: 'unauthenticated',
      reason: 'signature_downgrade',
    });
    const sha2 = twoCheckoutIpn({ refno: '1' }, { secretKey: SECRET, algorithm: 'sha256' });
    const blanked = Buffer.concat([sha2.body, Buffer.from('&SIGNATURE_SHA3_256=')]);
    const secrets = { secretKey: SECRET, minimumSignature: 'sha256' };
    expect(twoCheckoutIpnAdapter.accept(request(blanked, { secrets }))).toEqual({
      outcome: 'unauthenticated',
      reason: 'signature_downgrade',
    });
    const accepted = twoCheckoutIpnAdapter.accept(request(sha2.body, { secrets }));
    expect(accepted.outcome === 'accepted' && accepted.response.body).toMatch(
      /^<sig algo="sha256" date="20260131120007">[0-9a-f]{64}<\/sig>$/,
    );
  });

  it('accepts a signed IPN and answers the receipt with the verified (strongest) algorithm', () => {
    const { body } = twoCheckoutIpn({ refno: '211153389' }, { secretKey: SECRET });
    const decision = twoCheckoutIpnAdapter.accept(request(body));
    expect(decision).toMatchObject({
      outcome: 'accepted',
      orderRef: '211153389',
      orderKey: '2checkout:m1:211153389',
      response: { contentType: 'text/html; charset=utf-8' },
    });
    if (decision.outcome !== 'accepted') throw new Error('not accepted');
    expect(decision.recordBody.equals(body)).toBe(true);
    expect(decision.response.body).toMatch(
      /^<sig algo="sha3-256" date="20260131120007">[0-9a-f]{64}<\/sig>$/,
    );
  });

  it('answers <EPAYMENT> when only the MD5 HASH is present and the merchant allows md5', () => {
    const { body } = twoCheckoutIpn({ refno: '1' }, { secretKey: SECRET, algorithm: 'md5' });
    const secrets = { secretKey: SECRET, minimumSignature: 'md5' };
    const decision = twoCheckoutIpnAdapter.accept(request(body, { secrets }));
    expect(decision.outcome === 'accepted' && decision.response.body).toMatch(
      /^<EPAYMENT>20260131120007\|[0-9a-f]{32}<\/EPAYMENT>$/,
    );
  });

  it('is unauthenticated with another secret, without signature, or without a configured secret', () => {
    const { body } = twoCheckoutIpn({ refno: '1' }, { secretKey: 'someone-else' });
    expect(twoCheckoutIpnAdapter.accept(request(body))).toEqual({
      outcome: 'unauthenticated',
      reason: 'signature_mismatch',
    });
    const unsigned = encodeForm([['REFNO', '1']]);
    expect(twoCheckoutIpnAdapter.accept(request(unsigned))).toEqual({
      outcome: 'unauthenticated',
      reason: 'missing_signature',
    });
    expect(twoCheckoutIpnAdapter.accept(request(body, { secrets: { secretKey: '' } }))).toEqual({
      outcome: 'unauthenticated',
      reason: 'secret_not_configured',
    });
  });

  it('is malformed for a JSON content type, an empty body, or a signed IPN without REFNO', () => {
    const { body } = twoCheckoutIpn({ refno: '1' }, { secretKey: SECRET });
    const json = twoCheckoutIpnAdapter.accept(request(body, { contentType: 'application/json' }));
    expect(json).toMatchObject({
      outcome: 'malformed',
      error: { code: 'unsupported_content_type' },
    });
    expect(twoCheckoutIpnAdapter.accept(request(Buffer.alloc(0)))).toMatchObject({
      outcome: 'malformed',
      error: { code: 'malformed_body' },
    });
    const noRef = twoCheckoutIpn({ refno: '' }, { secretKey: SECRET });
    expect(twoCheckoutIpnAdapter.accept(request(noRef.body))).toMatchObject({
      outcome: 'malformed',
      error: { code: 'missing_field', field: 'REFNO' },
    });
  });

  it('leaves amounts and dates to normalize: a signed IPN with a bad date is accepted', () => {
    const { body } = twoCheckoutIpn({ refno: '1', ipnDate: 'yesterday' }, { secretKey: SECRET });
    expect(twoCheckoutIpnAdapter.accept(request(body)).outcome).toBe('accepted');
  });
});
