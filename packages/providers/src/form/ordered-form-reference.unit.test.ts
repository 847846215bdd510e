import fc from 'fast-check';
import { decodeOrderedForm } from './ordered-form';

/**
 * The straightforward decoder the one-pass `decodeOrderedForm` replaced (a buffer per key and
 * value): kept here as the reference the optimised one must match byte for byte.
 */
function referenceDecode(body: Uint8Array): [string, boolean, [string, string][]][] {
  const hex = (b: number | undefined): number =>
    b === undefined
      ? -1
      : b >= 48 && b <= 57
        ? b - 48
        : b >= 65 && b <= 70
          ? b - 55
          : b >= 97 && b <= 102
            ? b - 87
            : -1;
  const decode = (raw: Uint8Array): Buffer => {
    const out: number[] = [];
    for (let i = 0; i < raw.length; i++) {
      const byte = raw[i]!;
      const high = hex(raw[i + 1]);
      const low = hex(raw[i + 2]);
      if (byte === 0x2b) out.push(0x20);
      else if (byte === 0x25 && high >= 0 && low >= 0) {
        out.push(high * 16 + low);
        i += 2;
      } else out.push(byte);
    }
    return Buffer.from(out);
  };
  const text = (b: Buffer): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
  const fields = new Map<string, [string, boolean, [string, string][]]>();
  for (const segment of Buffer.from(body).toString('latin1').split('&')) {
    if (segment === '') continue;
    const raw = Buffer.from(segment, 'latin1');
    const equals = raw.indexOf(0x3d);
    const key = text(decode(equals < 0 ? raw : raw.subarray(0, equals)));
    const value = decode(equals < 0 ? Buffer.alloc(0) : raw.subarray(equals + 1));
    const field = fields.get(key);
    if (field && !field[1]) throw new Error('repeated scalar');
    if (field) field[2].push([text(value), value.toString('hex')]);
    else fields.set(key, [key, key.endsWith('[]'), [[text(value), value.toString('hex')]]]);
  }
  if (fields.size === 0) throw new Error('empty');
  return [...fields.values()];
}

function decoded(body: Uint8Array): unknown {
  try {
    return decodeOrderedForm(body).fields.map((f) => [
      f.key,
      f.isArray,
      f.values.map((v) => [v.text, Buffer.from(v.bytes).toString('hex')]),
    ]);
  } catch {
    return 'error';
  }
}

function expected(body: Uint8Array): unknown {
  try {
    return referenceDecode(body);
  } catch {
    return 'error';
  }
}

const formLike = fc
  .array(fc.constantFrom('a', 'k[]', '=', '&', '%', '+', '%41', '%2', '%C3%A9', '%FF', 'é', '5'), {
    maxLength: 40,
  })
  .map((parts) => Buffer.from(parts.join(''), 'utf8'));

describe('decodeOrderedForm against a reference decoder', () => {
  it('decodes arbitrary bytes exactly as the reference', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (b) =>
        expect(decoded(b)).toEqual(expected(b)),
      ),
    );
  });

  it('decodes form-like bodies (escapes at segment ends, arrays, repeats) exactly as the reference', () => {
    fc.assert(
      fc.property(formLike, (b) => expect(decoded(b)).toEqual(expected(b))),
      { numRuns: 2000 },
    );
  });
});
