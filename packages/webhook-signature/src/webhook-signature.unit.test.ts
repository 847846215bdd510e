import fc from 'fast-check';
import {
  SIGNATURE_HEADER,
  WebhookSignatureError,
  parseSignatureHeader,
  signWebhook,
  verifyWebhook,
} from './index';

const body = '{"hello":"world"}';
const t = 1767225600;
// Computed independently: printf '1767225600.{"hello":"world"}' | openssl dgst -sha256 -hmac …
const testSig = '6e71b585e159805f050878ee829a4a61a8ca5280212d978c7a7f4dd927fc34aa';
const newSig = 'bdb2bbd82d383aa69fb50895ecb88854c932a33dc16e82e79b48b08d0b5ef9c2';
const at = (seconds: number) => () => seconds * 1000;

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookSignatureError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('signWebhook', () => {
  it('signs "t.body" with HMAC-SHA256 (test vector)', () => {
    expect(signWebhook('whsec_test', body, t)).toBe(`t=${t},v1=${testSig}`);
    expect(signWebhook('whsec_test', Buffer.from(body), t)).toBe(`t=${t},v1=${testSig}`);
  });

  it('carries one v1 per secret during a rotation', () => {
    expect(signWebhook(['whsec_test', 'whsec_new'], body, t)).toBe(
      `t=${t},v1=${testSig},v1=${newSig}`,
    );
  });

  it('refuses a missing secret and a timestamp that is not unix seconds', () => {
    expect(() => signWebhook('', body, t)).toThrow(RangeError);
    expect(() => signWebhook([], body, t)).toThrow(RangeError);
    expect(() => signWebhook('s', body, 1.5)).toThrow(RangeError);
  });
});

describe('verifyWebhook', () => {
  const header = `t=${t},v1=${testSig}`;

  it('accepts a valid signature and returns the signed time', () => {
    expect(verifyWebhook('whsec_test', body, header, { now: at(t + 10) })).toEqual({
      timestamp: t,
    });
  });

  it('accepts when any v1 matches any secret (rotation on either side)', () => {
    const rotated = signWebhook(['whsec_old', 'whsec_test'], body, t);
    expect(codeOf(() => verifyWebhook('whsec_test', body, rotated, { now: at(t) }))).toBe(
      'accepted',
    );
    expect(
      codeOf(() => verifyWebhook(['whsec_new', 'whsec_test'], body, header, { now: at(t) })),
    ).toBe('accepted');
  });

  it('refuses another secret, an altered body and a signature moved to another time', () => {
    expect(codeOf(() => verifyWebhook('whsec_other', body, header, { now: at(t) }))).toBe(
      'signature_mismatch',
    );
    expect(
      codeOf(() =>
        verifyWebhook('whsec_test', body.replace('world', 'World'), header, { now: at(t) }),
      ),
    ).toBe('signature_mismatch');
    expect(
      codeOf(() => verifyWebhook('whsec_test', body, `t=${t + 1},v1=${testSig}`, { now: at(t) })),
    ).toBe('signature_mismatch');
  });

  it('refuses timestamps outside the tolerance, in either direction', () => {
    expect(codeOf(() => verifyWebhook('whsec_test', body, header, { now: at(t + 300) }))).toBe(
      'accepted',
    );
    expect(codeOf(() => verifyWebhook('whsec_test', body, header, { now: at(t + 301) }))).toBe(
      'signature_timestamp_out_of_tolerance',
    );
    expect(codeOf(() => verifyWebhook('whsec_test', body, header, { now: at(t - 301) }))).toBe(
      'signature_timestamp_out_of_tolerance',
    );
    expect(
      codeOf(() =>
        verifyWebhook('whsec_test', body, header, { now: at(t + 1000), toleranceSec: 1000 }),
      ),
    ).toBe('accepted');
  });

  it.each([
    [undefined, 'signature_header_missing'],
    ['', 'signature_header_missing'],
    [`v1=${testSig}`, 'signature_header_malformed'],
    [`t=${t}`, 'signature_header_malformed'],
    [`t=${t},t=${t},v1=${testSig}`, 'signature_header_malformed'],
    [`t=abc,v1=${testSig}`, 'signature_header_malformed'],
    [`t=${t},v1=${testSig.slice(2)}`, 'signature_header_malformed'],
    [`t=${t};v1=${testSig}`, 'signature_header_malformed'],
  ])('refuses the header %p with %s', (value, code) => {
    expect(codeOf(() => verifyWebhook('whsec_test', body, value, { now: at(t) }))).toBe(code);
  });

  it('ignores unknown schemes and spaces, and reads hex in any case', () => {
    const header2 = ` t=${t} , v0=zzz, v1=${testSig.toUpperCase()} `;
    expect(parseSignatureHeader(header2)).toEqual({ timestamp: t, signatures: [testSig] });
    expect(codeOf(() => verifyWebhook('whsec_test', body, header2, { now: at(t) }))).toBe(
      'accepted',
    );
  });

  it('refuses a receiver configured without a secret', () => {
    expect(() => verifyWebhook([], body, header, { now: at(t) })).toThrow(RangeError);
  });

  it('names the header it reads', () => {
    expect(SIGNATURE_HEADER).toBe('Clawback-Signature');
  });

  it('property: what is signed verifies; any one-byte change does not', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        fc.string({ minLength: 1 }),
        fc.nat({ max: 4_000_000_000 }),
        fc.nat(),
        (bytes, secret, timestamp, position) => {
          const signed = signWebhook(secret, bytes, timestamp);
          const now = at(timestamp);
          expect(codeOf(() => verifyWebhook(secret, bytes, signed, { now }))).toBe('accepted');
          const tampered = Uint8Array.from(bytes);
          const index = position % tampered.length;
          tampered[index] = (tampered[index]! + 1) % 256;
          expect(codeOf(() => verifyWebhook(secret, tampered, signed, { now }))).toBe(
            'signature_mismatch',
          );
        },
      ),
    );
  });
});
