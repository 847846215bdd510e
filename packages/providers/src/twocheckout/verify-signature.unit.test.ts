import { createHmac } from 'node:crypto';
import { decodeOrderedForm } from '../form/ordered-form';
import { encodeForm, type FormPair } from '../fixtures/form-body';
import { lengthPrefixed, signatureSource } from './source-string';
import { verifyTwoCheckoutSignature } from './verify-signature';

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const formOf = (pairs: readonly FormPair[]) => decodeOrderedForm(encodeForm(pairs));
const hmac = (algo: string, key: string, text: string | Buffer): string =>
  createHmac(algo, key).update(text).digest('hex');

describe('2Checkout source string', () => {
  it('matches the documented receipt source (providers.md §1.9)', () => {
    const source = lengthPrefixed(
      ['1', 'Software program', '20050303123434', '20050303123434'].map(utf8),
    );
    expect(source.toString('utf8')).toBe('1116Software program14200503031234341420050303123434');
  });

  it('writes an empty value as "0" and the value "0" as "10"', () => {
    expect(lengthPrefixed([utf8(''), utf8('0')]).toString()).toBe('010');
  });

  it('prefixes the UTF-8 byte length, not the character length', () => {
    expect(lengthPrefixed([utf8('Zoë')]).toString('utf8')).toBe('4Zoë');
  });

  it('covers every field in received order, arrays element-wise, and no signature field', () => {
    const form = formOf([
      ['REFNO', '42'],
      ['IPN_PID[]', 'a'],
      ['HASH', 'x'],
      ['IPN_PID[]', 'bc'],
      ['SIGNATURE_SHA2_256', 'y'],
      ['SIGNATURE_SHA3_256', 'z'],
      ['IPN_DATE', ''],
    ]);
    expect(signatureSource(form).toString()).toBe('2421a2bc0');
  });
});

describe('verifyTwoCheckoutSignature', () => {
  const pairs: FormPair[] = [
    ['REFNO', '42'],
    ['ORDERSTATUS', 'COMPLETE'],
    ['IPN_PNAME[]', 'Zoë'],
  ];
  const source = '242' + '8COMPLETE' + '4Zoë';

  it('accepts an independently computed HMAC for each algorithm', () => {
    const cases = [
      ['HASH', 'md5'],
      ['SIGNATURE_SHA2_256', 'sha256'],
      ['SIGNATURE_SHA3_256', 'sha3-256'],
    ] as const;
    for (const [field, algorithm] of cases) {
      const form = formOf([...pairs, [field, hmac(algorithm, 'key', utf8(source))]]);
      expect(verifyTwoCheckoutSignature(form, 'key', 'md5')).toEqual({ valid: true, algorithm });
    }
  });

  it('prefers the strongest signature present and never falls back to a weaker one', () => {
    const form = formOf([
      ...pairs,
      ['HASH', hmac('md5', 'key', utf8(source))],
      ['SIGNATURE_SHA2_256', hmac('sha256', 'key', utf8(source))],
      ['SIGNATURE_SHA3_256', '0'.repeat(64)],
    ]);
    expect(verifyTwoCheckoutSignature(form, 'key')).toEqual({
      valid: false,
      reason: 'signature_mismatch',
    });
  });

  it('accepts upper-case hex', () => {
    const form = formOf([...pairs, ['HASH', hmac('md5', 'key', utf8(source)).toUpperCase()]]);
    expect(verifyTwoCheckoutSignature(form, 'key', 'md5').valid).toBe(true);
  });

  it('rejects the wrong key and a body without signature', () => {
    const signed = formOf([...pairs, ['HASH', hmac('md5', 'key', utf8(source))]]);
    expect(verifyTwoCheckoutSignature(signed, 'other', 'md5')).toEqual({
      valid: false,
      reason: 'signature_mismatch',
    });
    expect(verifyTwoCheckoutSignature(formOf(pairs), 'key')).toEqual({
      valid: false,
      reason: 'missing_signature',
    });
  });

  it('verifies interleaved array fields in PHP order (grouped at the first position)', () => {
    const wire = 'A=1&IPN_PID%5B%5D=p1&B=2&IPN_PID%5B%5D=p2';
    const grouped = '11' + '2p1' + '2p2' + '12';
    const form = decodeOrderedForm(
      Buffer.from(`${wire}&HASH=${hmac('md5', 'key', utf8(grouped))}`, 'ascii'),
    );
    expect(verifyTwoCheckoutSignature(form, 'key', 'md5').valid).toBe(true);
  });

  it('hashes the raw decoded bytes of a value that is not UTF-8', () => {
    const raw = Buffer.concat([Buffer.from('1'), Buffer.from([0xfc])]);
    const form = decodeOrderedForm(Buffer.from(`N=%FC&HASH=${hmac('md5', 'key', raw)}`, 'ascii'));
    expect(verifyTwoCheckoutSignature(form, 'key', 'md5').valid).toBe(true);
  });
});

describe('verifyTwoCheckoutSignature against downgrades', () => {
  const pairs: FormPair[] = [
    ['REFNO', '42'],
    ['ORDERSTATUS', 'REFUND'],
  ];
  const source = '242' + '6REFUND';
  const good = {
    HASH: hmac('md5', 'key', source),
    SIGNATURE_SHA2_256: hmac('sha256', 'key', source),
    SIGNATURE_SHA3_256: hmac('sha3-256', 'key', source),
  } as const;
  type Field = keyof typeof good;
  type Minimum = 'sha3-256' | 'sha256' | 'md5' | undefined;
  // [sent fields ('' = sent blank), merchant minimum, expected outcome]
  const cases: readonly [Partial<Record<Field, string>>, Minimum, string][] = [
    [{ SIGNATURE_SHA3_256: good.SIGNATURE_SHA3_256 }, undefined, 'sha3-256'],
    [{ ...good }, undefined, 'sha3-256'],
    [
      { SIGNATURE_SHA3_256: '', SIGNATURE_SHA2_256: good.SIGNATURE_SHA2_256 },
      undefined,
      'signature_downgrade',
    ],
    [
      { SIGNATURE_SHA3_256: '', SIGNATURE_SHA2_256: good.SIGNATURE_SHA2_256 },
      'sha256',
      'signature_downgrade',
    ],
    [
      { SIGNATURE_SHA3_256: '  ', SIGNATURE_SHA2_256: good.SIGNATURE_SHA2_256 },
      'md5',
      'signature_downgrade',
    ],
    [{ SIGNATURE_SHA2_256: '', HASH: good.HASH }, 'md5', 'signature_downgrade'],
    [{ SIGNATURE_SHA2_256: good.SIGNATURE_SHA2_256 }, undefined, 'signature_downgrade'],
    [{ SIGNATURE_SHA2_256: good.SIGNATURE_SHA2_256 }, 'sha256', 'sha256'],
    [{ SIGNATURE_SHA2_256: good.SIGNATURE_SHA2_256, HASH: good.HASH }, 'md5', 'sha256'],
    [{ HASH: good.HASH }, 'sha256', 'signature_downgrade'],
    [{ HASH: good.HASH }, 'md5', 'md5'],
    [
      { SIGNATURE_SHA3_256: '0'.repeat(64), SIGNATURE_SHA2_256: good.SIGNATURE_SHA2_256 },
      'md5',
      'signature_mismatch',
    ],
    [{}, undefined, 'missing_signature'],
  ];

  it.each(cases)('given %j and minimum %s, then %s', (fields, minimum, expected) => {
    const form = formOf([...pairs, ...Object.entries(fields)]);
    const check = verifyTwoCheckoutSignature(form, 'key', minimum);
    expect(check.valid ? check.algorithm : check.reason).toBe(expected);
  });
});
