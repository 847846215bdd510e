import { ProvidersError } from '../providers-error';

/** One decoded value: its UTF-8 text and the exact bytes it decoded to (what signatures hash). */
export interface FormValue {
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

function isAscii(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

/** The UTF-8 text of `bytes[start, end)`; ASCII (nearly every key and value) skips the decoder. */
function textOf(bytes: Buffer, start: number, end: number): string {
  return isAscii(bytes, start, end)
    ? bytes.toString('latin1', start, end)
    : utf8.decode(bytes.subarray(start, end));
}

type MutableField = { key: string; isArray: boolean; values: FormValue[] };

/**
 * Decodes a form body, keeping the received order and grouping `[]` keys at their first
 * position. A scalar key sent twice is `malformed_body`: PHP would keep only the last value,
 * so the value a signature covers and the value a reader uses could differ.
 *
 * One pass over the body into one output buffer (decoded text is never longer than encoded),
 * each value's bytes a view of it: this runs for every notification at the ingress and again
 * in the lifecycle, and a buffer per key and value made it the adapters' largest cost.
 */
export function decodeOrderedForm(body: Uint8Array): OrderedForm {
  const out = Buffer.allocUnsafe(body.length);
  const byKey = new Map<string, MutableField>();
  const fields: MutableField[] = [];
  let at = 0;
  for (let start = 0; start <= body.length;) {
    let end = start;
    let equals = -1;
    for (; end < body.length && body[end] !== AMPERSAND; end++) {
      if (equals < 0 && body[end] === EQUALS) equals = end;
    }
    if (end > start) {
      const keyStart = at;
      at = decodeInto(body, start, equals < 0 ? end : equals, out, at);
      const key = textOf(out, keyStart, at);
      const valueStart = at;
      if (equals >= 0) at = decodeInto(body, equals + 1, end, out, at);
      const value = { text: textOf(out, valueStart, at), bytes: out.subarray(valueStart, at) };
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
    }
    start = end + 1;
  }
  if (fields.length === 0) throw new ProvidersError('malformed_body', 'the form body is empty');
  return { fields, byKey };
}
