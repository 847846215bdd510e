import fc from 'fast-check';
import { redactKartraSecret } from './redact-secret';

/** The straightforward version (a decoded key string per segment): the reference. */
function referenceRedact(body: Buffer): Buffer {
  const decodeKey = (raw: Buffer): string => {
    const out: number[] = [];
    const hex = (b: number | undefined): number =>
      b === undefined ? -1 : Number.isNaN(parseInt(String.fromCharCode(b), 16)) ? -1 : 1;
    for (let i = 0; i < raw.length; i++) {
      const byte = raw[i]!;
      if (byte === 0x2b) out.push(0x20);
      else if (byte === 0x25 && i + 2 < raw.length && hex(raw[i + 1]) > 0 && hex(raw[i + 2]) > 0) {
        out.push(parseInt(raw.subarray(i + 1, i + 3).toString('latin1'), 16));
        i += 2;
      } else out.push(byte);
    }
    return Buffer.from(out).toString('utf8');
  };
  const segments = body
    .toString('latin1')
    .split('&')
    .map((segment) => {
      const raw = Buffer.from(segment, 'latin1');
      const equals = raw.indexOf(0x3d);
      const key = decodeKey(equals < 0 ? raw : raw.subarray(0, equals));
      return key === 'secret_key' ? 'secret_key=redacted' : segment;
    });
  return Buffer.from(segments.join('&'), 'latin1');
}

const formLike = fc
  .array(
    fc.constantFrom(
      'secret_key',
      'secret%5Fkey',
      'secret+key',
      '%73ecret_key',
      'secret_ke%7',
      '=',
      '&',
      'N/A',
      'abc',
      '%',
      '%zz',
      '%FF',
      'é',
    ),
    { maxLength: 16 },
  )
  .map((parts) => Buffer.from(parts.join(''), 'utf8'));

describe('redactKartraSecret against the per-segment reference', () => {
  it('changes the same bytes as the reference, for form-like and arbitrary bodies', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          formLike,
          fc.uint8Array({ maxLength: 80 }).map((bytes) => Buffer.from(bytes)),
        ),
        (b) => {
          expect(redactKartraSecret(b).toString('hex')).toBe(referenceRedact(b).toString('hex'));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('redacts every occurrence, encoded or not, and keeps all other bytes', () => {
    const body = Buffer.from('a=1&secret_key=s1&&secret%5Fkey=s2&secret_key2=x');
    expect(redactKartraSecret(body).toString()).toBe(
      'a=1&secret_key=redacted&&secret_key=redacted&secret_key2=x',
    );
  });
});
