import fc from 'fast-check';
import type { ProviderName } from '@clawback/notifications';
import { adapterFor } from './adapter-for';
import { click2sellNotification } from './fixtures/click2sell-notification';
import { kartraIpn } from './fixtures/kartra-ipn';
import { twoCheckoutIpn, type TwoCheckoutLineInput } from './fixtures/twocheckout-ipn';
import { decodeOrderedForm, type FormField, type OrderedForm } from './form/ordered-form';
import type { IngressDecision } from './provider-adapter';
import { encodeFields } from './testing/arbitraries';
import { signatureSource } from './twocheckout/source-string';
import {
  SIGNATURE_FIELD,
  TWOCHECKOUT_ALGORITHMS,
  type TwoCheckoutAlgorithm,
} from './twocheckout/verify-signature';

const SECRET = 'tamper-secret';

function accept(
  provider: ProviderName,
  body: Buffer,
  query: Record<string, unknown> = provider === 'click2sell' ? { token: SECRET } : {},
): IngressDecision {
  return adapterFor(provider).accept({
    merchantId: 'm1',
    body,
    contentType: 'application/x-www-form-urlencoded',
    query,
    // md5 allowed: these tests are about changed bytes, downgrades have their own tests.
    secrets: { secretKey: SECRET, urlToken: SECRET, minimumSignature: 'md5' },
    now: () => 0,
  });
}

const line: fc.Arbitrary<TwoCheckoutLineInput> = fc.record({
  pid: fc.integer({ min: 1, max: 99999999 }).map(String),
  name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  qty: fc.integer({ min: 1, max: 5 }),
  price: fc
    .integer({ min: 1, max: 999999 })
    .map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`),
  licenseRef: fc.stringMatching(/^[A-Z0-9]{10}$/),
});

const signedIpn = fc
  .record({
    refno: fc.integer({ min: 1, max: 999999999 }).map(String),
    status: fc.constantFrom('COMPLETE', 'REFUND', 'REVERSED', 'PENDING'),
    lines: fc.array(line, { minLength: 1, maxLength: 3 }),
    algorithm: fc.constantFrom<TwoCheckoutAlgorithm | 'all'>('all', ...TWOCHECKOUT_ALGORITHMS),
  })
  .map(({ algorithm, ...input }) => twoCheckoutIpn(input, { secretKey: SECRET, algorithm }).body);

/** The signature field verification uses: the strongest one present. */
function usedSignatureField(form: OrderedForm): string {
  return TWOCHECKOUT_ALGORITHMS.map((a) => SIGNATURE_FIELD[a]).find((key) => form.byKey.has(key))!;
}

/** The fields with one byte of one value replaced. */
function withByte(
  fields: readonly FormField[],
  at: [number, number, number],
  byte: number,
): FormField[] {
  const [f, v, b] = at;
  return fields.map((field, i) =>
    i !== f
      ? field
      : {
          ...field,
          values: field.values.map((value, j) => {
            if (j !== v) return value;
            const bytes = Buffer.from(value.bytes);
            bytes[b] = byte;
            return { text: bytes.toString('utf8'), bytes };
          }),
        },
  );
}

/** Positions [field, value, byte] of every byte of every value of the chosen fields. */
function positions(
  fields: readonly FormField[],
  include: (key: string) => boolean,
): [number, number, number][] {
  return fields.flatMap((field, f) =>
    include(field.key)
      ? field.values.flatMap((value, v) =>
          [...value.bytes].map((_, b): [number, number, number] => [f, v, b]),
        )
      : [],
  );
}

const lower = (byte: number): number => (byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte);

describe('2Checkout: one byte changed', () => {
  // "One byte" is one byte of one decoded field value, written back correctly encoded: that is
  // what an attacker controls. Signature fields other than the one verified are left out, as
  // they are not consulted when a stronger one is present.
  it('in any signed value or in the verified signature fails verification', () => {
    fc.assert(
      fc.property(signedIpn, fc.nat(), fc.integer({ min: 0, max: 255 }), (body, pick, byte) => {
        const form = decodeOrderedForm(body);
        const used = usedSignatureField(form);
        const signatureKeys = new Set(Object.values(SIGNATURE_FIELD));
        const candidates = positions(form.fields, (key) => !signatureKeys.has(key) || key === used);
        const at = candidates[pick % candidates.length]!;
        const [f, v, b] = at;
        const old = form.fields[f]!.values[v]!.bytes[b]!;
        const isSignature = form.fields[f]!.key === used;
        fc.pre(isSignature ? lower(byte) !== lower(old) : byte !== old);
        expect(accept('2checkout', encodeFields(withByte(form.fields, at, byte)))).toEqual({
          outcome: 'unauthenticated',
          reason: 'signature_mismatch',
        });
      }),
      { numRuns: 300 },
    );
  });

  // On the wire a byte change need not change a value ("%4a" → "%4A" decodes alike) and field
  // names are not signed at all; so the honest claim is: accepted only if every signed byte
  // and the verified signature are unchanged.
  it('anywhere on the wire is accepted only when the signed content is unchanged', () => {
    const signedContent = (form: OrderedForm): string => {
      const used = usedSignatureField(form);
      return `${signatureSource(form).toString('hex')}|${used}|${form.byKey.get(used)!.values[0]!.text.toLowerCase()}`;
    };
    fc.assert(
      fc.property(signedIpn, fc.nat(), fc.integer({ min: 0, max: 255 }), (body, pick, byte) => {
        const at = pick % body.length;
        fc.pre(body[at] !== byte);
        const tampered = Buffer.from(body);
        tampered[at] = byte;
        const decision = accept('2checkout', tampered);
        if (decision.outcome === 'accepted') {
          expect(signedContent(decodeOrderedForm(tampered))).toBe(
            signedContent(decodeOrderedForm(body)),
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('Kartra IPN: one byte changed', () => {
  const body = kartraIpn(
    { transactionId: '900', parentId: '800', type: 'refund' },
    { secretKey: SECRET },
  ).body;
  const form = decodeOrderedForm(body);

  it('in the secret_key echo fails authentication', () => {
    const candidates = positions(form.fields, (key) => key === 'secret_key');
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 255 }), (pick, byte) => {
        const at = candidates[pick % candidates.length]!;
        fc.pre(form.fields[at[0]]!.values[0]!.bytes[at[2]] !== byte);
        expect(accept('kartra', encodeFields(withByte(form.fields, at, byte))).outcome).toBe(
          'unauthenticated',
        );
      }),
    );
  });

  // The echo authenticates the sender, not the content (nothing else is signed).
  it('elsewhere is never an authentication failure', () => {
    const candidates = positions(form.fields, (key) => key !== 'secret_key');
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 255 }), (pick, byte) => {
        const at = candidates[pick % candidates.length]!;
        expect(accept('kartra', encodeFields(withByte(form.fields, at, byte))).outcome).not.toBe(
          'unauthenticated',
        );
      }),
    );
  });
});

describe('Kartra outbound JSON: one byte changed in the URL token', () => {
  it('fails authentication', () => {
    const body = Buffer.from(
      '{"action":"buy_product","action_details":{"transaction_details":{"transaction_id":"8"}}}',
    );
    expect(accept('kartra', body, { token: SECRET }).outcome).toBe('accepted');
    fc.assert(
      fc.property(fc.nat(SECRET.length - 1), fc.integer({ min: 0x20, max: 0x7e }), (at, code) => {
        fc.pre(SECRET.charCodeAt(at) !== code);
        const token = SECRET.slice(0, at) + String.fromCharCode(code) + SECRET.slice(at + 1);
        expect(accept('kartra', body, { token })).toEqual({
          outcome: 'unauthenticated',
          reason: 'url_token_mismatch',
        });
      }),
    );
  });
});

describe('Click2Sell: one byte changed', () => {
  const body = click2sellNotification({ c2sTransactionId: '5550001' }, { secretKey: SECRET }).body;
  const form = decodeOrderedForm(body);
  const covered = new Set(['acquirer_transaction_id', 'checksum']);

  it('in acquirer_transaction_id or the checksum fails authentication', () => {
    const candidates = positions(form.fields, (key) => covered.has(key));
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 255 }), (pick, byte) => {
        const at = candidates[pick % candidates.length]!;
        const old = form.fields[at[0]]!.values[0]!.bytes[at[2]]!;
        fc.pre(form.fields[at[0]]!.key === 'checksum' ? lower(byte) !== lower(old) : byte !== old);
        expect(accept('click2sell', encodeFields(withByte(form.fields, at, byte))).outcome).toBe(
          'unauthenticated',
        );
      }),
    );
  });

  // The checksum covers only the processor id: amount, type and buyer are not protected.
  it('elsewhere (amount, type, buyer) is never an authentication failure', () => {
    const candidates = positions(form.fields, (key) => !covered.has(key));
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 255 }), (pick, byte) => {
        const at = candidates[pick % candidates.length]!;
        expect(
          accept('click2sell', encodeFields(withByte(form.fields, at, byte))).outcome,
        ).not.toBe('unauthenticated');
      }),
    );
  });
});
