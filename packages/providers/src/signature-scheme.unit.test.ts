import { adapterFor, signatureSchemeOf } from './adapter-for';
import { encodeForm, FORM_CONTENT_TYPE } from './fixtures/form-body';
import { click2sellNotification, click2sellPairs } from './fixtures/click2sell-notification';
import { kartraIpn } from './fixtures/kartra-ipn';
import { kartraOutboundJson } from './fixtures/kartra-outbound-json';
import { twoCheckoutIpn } from './fixtures/twocheckout-ipn';

const merchantId = 'm1';
const secretKey = 'k3y';

describe('signatureSchemeOf: 2Checkout', () => {
  const scheme = (body: Buffer, contentType = FORM_CONTENT_TYPE) =>
    signatureSchemeOf({ provider: '2checkout', merchantId, body, contentType });

  it('names the strongest signature present when all three are sent', () => {
    expect(scheme(twoCheckoutIpn({ refno: '1' }, { secretKey }).body)).toBe('sha3-256');
  });

  it.each(['sha3-256', 'sha256', 'md5'] as const)('names %s when only it is sent', (algorithm) => {
    expect(scheme(twoCheckoutIpn({ refno: '1' }, { secretKey, algorithm }).body)).toBe(algorithm);
  });

  it('gives null for an unsigned body or one of another content type', () => {
    expect(scheme(encodeForm([['REFNO', '1']]))).toBeNull();
    const { body } = twoCheckoutIpn({ refno: '1' }, { secretKey });
    expect(scheme(body, 'text/plain')).toBeNull();
  });
});

describe('signatureSchemeOf: Kartra', () => {
  it('names the secret echo of an IPN form as stored (secret redacted by the ingress)', () => {
    const { body, contentType } = kartraIpn({ transactionId: '7' }, { secretKey });
    const decision = adapterFor('kartra').accept({
      merchantId,
      body,
      contentType,
      query: {},
      secrets: { secretKey },
      now: () => 0,
    });
    if (decision.outcome !== 'accepted') throw new Error(decision.outcome);
    expect(decision.recordBody.includes(secretKey)).toBe(false);
    expect(
      signatureSchemeOf({ provider: 'kartra', merchantId, body: decision.recordBody, contentType }),
    ).toBe('secret-echo');
  });

  it('names the URL token of the outbound-API JSON', () => {
    const { body, contentType } = kartraOutboundJson({ action: 'buy_product', transactionId: '7' });
    expect(signatureSchemeOf({ provider: 'kartra', merchantId, body, contentType })).toBe(
      'url-token',
    );
  });

  it('gives null for a form without the echo and for an unsupported content type', () => {
    const body = encodeForm([['transaction_id', '7']]);
    const record = { provider: 'kartra' as const, merchantId, body };
    expect(signatureSchemeOf({ ...record, contentType: FORM_CONTENT_TYPE })).toBeNull();
    expect(signatureSchemeOf({ ...record, contentType: 'text/xml' })).toBeNull();
  });
});

describe('signatureSchemeOf: Click2Sell', () => {
  it('names the MD5 checksum', () => {
    const { body, contentType } = click2sellNotification({ c2sTransactionId: '9' }, { secretKey });
    expect(signatureSchemeOf({ provider: 'click2sell', merchantId, body, contentType })).toBe(
      'checksum-md5',
    );
  });

  it('gives null when the checksum is missing or blank', () => {
    const pairs = click2sellPairs({ c2sTransactionId: '9' }, secretKey);
    const without = pairs.filter(([key]) => key !== 'checksum');
    const blank = [...without, ['checksum', ' '] as const];
    for (const fields of [without, blank])
      expect(
        signatureSchemeOf({
          provider: 'click2sell',
          merchantId,
          body: encodeForm(fields),
          contentType: FORM_CONTENT_TYPE,
        }),
      ).toBeNull();
  });
});
