import { ProvidersError } from '../providers-error';

/** One decoded value: its UTF-8 text and the exact bytes it decoded to (what signatures hash). */
interface FormValue {
  readonly text: string;
  readonly bytes: Buffer;
}

/**
 * One field in received order. A key ending in `[]` is an array key: every value sent under it
 * is grouped here, at the position of its first occurrence (as PHP builds `$_POST`, which the
 * providers' own plugins hash). Any other key has exactly one value.
 */
export interface FormField {
  readonly key: string;
  readonly isArray: boolean;
  readonly values: readonly FormValue[];
}

/** A decoded `application/x-www-form-urlencoded` body that keeps the received order. */
export interface OrderedForm {
  readonly fields: readonly FormField[];
  readonly byKey: ReadonlyMap<string, FormField>;
}

const PLUS = 0x2b;
const PERCENT = 0x25;
const AMPERSAND = 0x26;
const EQUALS = 0x3d;
const SPACE = 0x20;
const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function hexDigit(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/**
 * Percent-decodes `raw[start, end)` into `out` at `at` and returns the end position in `out`.
 * A `%` escape must lie wholly inside the range, as if the range were its own string.
 */
function decodeInto(raw: Uint8Array, start: number, end: number, out: Buffer, at: number): number {
  for (let i = start; i < end; i++) {
    const byte = raw[i]!;
    if (byte === PLUS) {
      out[at++] = SPACE;
      continue;
    }
    if (byte === PERCENT && i + 2 < end) {
      const high = hexDigit(raw[i + 1]);
      const low = hexDigit(raw[i + 2]);
      if (high >= 0 && low >= 0) {
        out[at++] = high * 16 + low;
        i += 2;
        continue;
      }
    }
    out[at++] = byte;
  }
  return at;
}

/**
 * Percent-decodes one key or value exactly once (`+` is a space; a `%` not followed by two hex
 * digits stays literal, as in WHATWG and PHP). Decoding twice, as some sample scripts do,
 * would change values that legitimately contain `%`.
 */
export function percentDecode(raw: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(raw.length);
  return out.subarray(0, decodeInto(raw, 0, raw.length, out, 0));
}

type MutableField = { key: string; isArray: boolean; values: FormValue[] };

/** Where one field's decoded key and value lie in the output buffer, and whether all ASCII. */
interface Span {
  readonly keyEnd: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly ascii: boolean;
}

/**
 * Decodes every field of `body` into `out` in one pass and returns where each field landed.
 * Escapes need no bounds per key or value: a `%` is decoded only before two hex digits, and
 * the separators `&` and `=` are not hex digits, so an escape never spans two parts.
 */
function decodeFields(body: Uint8Array, out: Buffer): { spans: Span[]; keyStarts: number[] } {
  const spans: Span[] = [];
  const keyStarts: number[] = [];
  let at = 0;
  let keyStart = 0;
  let valueStart = -1;
  let high = 0;
  let fieldStart = 0;
  for (let i = 0; i <= body.length; i++) {
    const byte = i < body.length ? body[i]! : AMPERSAND;
    if (byte === AMPERSAND) {
      if (i > fieldStart) {
        keyStarts.push(keyStart);
        spans.push({
          keyEnd: valueStart < 0 ? at : valueStart,
          valueStart: valueStart < 0 ? at : valueStart,
          valueEnd: at,
          ascii: high < 0x80,
        });
      }
      fieldStart = i + 1;
      keyStart = at;
      valueStart = -1;
      high = 0;
      continue;
    }
    if (byte === EQUALS && valueStart < 0) {
      valueStart = at;
      continue;
    }
    let decoded = byte;
    if (byte === PLUS) decoded = SPACE;
    else if (byte === PERCENT) {
      const hi = hexDigit(body[i + 1]);
      const lo = hexDigit(body[i + 2]);
      if (hi >= 0 && lo >= 0) {
        decoded = hi * 16 + lo;
        i += 2;
      }
    }
    out[at++] = decoded;
    high |= decoded;
  }
  return { spans, keyStarts };
}

/**
 * Decodes a form body, keeping the received order and grouping `[]` keys at their first
 * position. A scalar key sent twice is `malformed_body`: PHP would keep only the last value,
 * so the value a signature covers and the value a reader uses could differ.
 *
 * One pass over the body into one output buffer (decoded text is never longer than encoded),
 * each value's bytes a view of it, ASCII text sliced from one string: this runs for every
 * notification at the ingress and again in the lifecycle, and a buffer per key and value made
 * it the adapters' largest cost.
 */
export function decodeOrderedForm(body: Uint8Array): OrderedForm {
  const out = Buffer.allocUnsafe(body.length);
  const { spans, keyStarts } = decodeFields(body, out);
  const end = spans.length > 0 ? spans[spans.length - 1]!.valueEnd : 0;
  const latin1 = out.toString('latin1', 0, end);
  const text = (ascii: boolean, from: number, to: number): string =>
    ascii ? latin1.slice(from, to) : utf8.decode(out.subarray(from, to));
  const byKey = new Map<string, MutableField>();
  const fields: MutableField[] = [];
  spans.forEach((span, i) => {
    const key = text(span.ascii, keyStarts[i]!, span.keyEnd);
    const bytes = out.subarray(span.valueStart, span.valueEnd);
    const value = { text: text(span.ascii, span.valueStart, span.valueEnd), bytes };
    const existing = byKey.get(key);
    if (existing && !existing.isArray) {
      throw new ProvidersError('malformed_body', `form field "${key}" is sent more than once`, {
        field: key,
      });
    }
    if (existing) existing.values.push(value);
    else {
      const field = { key, isArray: key.endsWith('[]'), values: [value] };
      byKey.set(key, field);
      fields.push(field);
    }
  });
  if (fields.length === 0) throw new ProvidersError('malformed_body', 'the form body is empty');
  return { fields, byKey };
}
