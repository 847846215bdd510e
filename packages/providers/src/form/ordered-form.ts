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
 * Percent-decodes one key or value exactly once (`+` is a space; a `%` not followed by two hex
 * digits stays literal, as in WHATWG and PHP). Decoding twice, as some sample scripts do,
 * would change values that legitimately contain `%`.
 */
export function percentDecode(raw: Uint8Array): Buffer {
  const out = Buffer.alloc(raw.length);
  let length = 0;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i]!;
    if (byte === PLUS) {
      out[length++] = SPACE;
      continue;
    }
    if (byte === PERCENT) {
      const high = hexDigit(raw[i + 1]);
      const low = hexDigit(raw[i + 2]);
      if (high >= 0 && low >= 0) {
        out[length++] = high * 16 + low;
        i += 2;
        continue;
      }
    }
    out[length++] = byte;
  }
  return out.subarray(0, length);
}

function toValue(bytes: Buffer): FormValue {
  return { text: utf8.decode(bytes), bytes };
}

function* segments(body: Uint8Array): Generator<Uint8Array> {
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i === body.length || body[i] === AMPERSAND) {
      if (i > start) yield body.subarray(start, i);
      start = i + 1;
    }
  }
}

/**
 * Decodes a form body, keeping the received order and grouping `[]` keys at their first
 * position. A scalar key sent twice is `malformed_body`: PHP would keep only the last value,
 * so the value a signature covers and the value a reader uses could differ.
 */
export function decodeOrderedForm(body: Uint8Array): OrderedForm {
  const byKey = new Map<string, { key: string; isArray: boolean; values: FormValue[] }>();
  const fields: { key: string; isArray: boolean; values: FormValue[] }[] = [];
  for (const segment of segments(body)) {
    const equals = segment.indexOf(EQUALS);
    const rawKey = equals < 0 ? segment : segment.subarray(0, equals);
    const rawValue = equals < 0 ? new Uint8Array(0) : segment.subarray(equals + 1);
    const key = utf8.decode(percentDecode(rawKey));
    const value = toValue(percentDecode(rawValue));
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
  if (fields.length === 0) throw new ProvidersError('malformed_body', 'the form body is empty');
  return { fields, byKey };
}
