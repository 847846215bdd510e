import { ProvidersError } from '../providers-error';
import { DecodedBody, DecodedField, type FormField } from './decoded-field';
import { hexDigit } from './hex-digit';

export type { FormField } from './decoded-field';

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

/** Per field, in `marks`: key start, value start (= key end), value end, ASCII flags. */
const MARK_WIDTH = 4;
const KEY_ASCII = 1;
const VALUE_ASCII = 2;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * Appends one field's marks: a field without `=` (`valueStart < 0`) is a key with an empty
 * value, and the bytes seen so far (`high`) were its key's.
 */
function pushField(
  marks: number[],
  keyStart: number,
  valueStart: number,
  end: number,
  keyHigh: number,
  high: number,
): void {
  if (valueStart < 0) marks.push(keyStart, end, end, (high < 0x80 ? KEY_ASCII : 0) | VALUE_ASCII);
  else {
    const flags = (keyHigh < 0x80 ? KEY_ASCII : 0) | (high < 0x80 ? VALUE_ASCII : 0);
    marks.push(keyStart, valueStart, end, flags);
  }
}

/**
 * Decodes every field of `body` into `out` in one pass and returns where each field landed
 * ({@link MARK_WIDTH} numbers a field, no object per field). Escapes need no bounds per key
 * or value: a `%` is decoded only before two hex digits, and the separators `&` and `=` are
 * not hex digits, so an escape never spans two parts. The loop's state lives in locals that
 * no closure captures, so V8 keeps it in registers (a closure over it cost 4× per byte).
 */
function decodeFields(body: Uint8Array, out: Buffer): number[] {
  const marks: number[] = [];
  const length = body.length;
  let at = 0;
  let keyStart = 0;
  let valueStart = -1;
  let keyHigh = 0;
  let high = 0;
  let fieldStart = 0;
  for (let i = 0; i < length; i++) {
    let byte = body[i]!;
    if (byte === AMPERSAND) {
      if (i > fieldStart) pushField(marks, keyStart, valueStart, at, keyHigh, high);
      fieldStart = i + 1;
      keyStart = at;
      valueStart = -1;
      high = 0;
      continue;
    }
    if (byte === EQUALS) {
      if (valueStart < 0) {
        valueStart = at;
        keyHigh = high;
        high = 0;
        continue;
      }
    } else if (byte === PLUS) byte = SPACE;
    else if (byte === PERCENT && i + 2 < length) {
      const hi = hexDigit(body[i + 1]!);
      const lo = hexDigit(body[i + 2]!);
      if ((hi | lo) >= 0) {
        byte = (hi << 4) | lo;
        i += 2;
      }
    }
    out[at++] = byte;
    high |= byte;
  }
  if (length > fieldStart) pushField(marks, keyStart, valueStart, at, keyHigh, high);
  return marks;
}

/**
 * Decodes a form body, keeping the received order and grouping `[]` keys at their first
 * position. A scalar key sent twice is `malformed_body`: PHP would keep only the last value,
 * so the value a signature covers and the value a reader uses could differ.
 *
 * One pass over the body into one output buffer (decoded text is never longer than encoded);
 * keys are sliced from one string, and values are views made only when read: this runs for
 * every notification at the ingress and again in the lifecycle, and objects per key and value
 * were the adapters' largest cost.
 */
export function decodeOrderedForm(body: Uint8Array): OrderedForm {
  const out = Buffer.allocUnsafe(body.length);
  const marks = decodeFields(body, out);
  const decoded = new DecodedBody(
    out,
    marks.length > 0 ? marks[marks.length - MARK_WIDTH + 2]! : 0,
  );
  const byKey = new Map<string, DecodedField>();
  const fields: DecodedField[] = [];
  for (let m = 0; m < marks.length; m += MARK_WIDTH) {
    const keyStart = marks[m]!;
    const valueStart = marks[m + 1]!;
    const valueEnd = marks[m + 2]!;
    const flags = marks[m + 3]!;
    const key = decoded.text((flags & KEY_ASCII) !== 0, keyStart, valueStart);
    const valueAscii = (flags & VALUE_ASCII) !== 0;
    const existing = byKey.get(key);
    if (existing && !existing.isArray) {
      throw new ProvidersError('malformed_body', `form field "${key}" is sent more than once`, {
        field: key,
      });
    }
    if (existing) existing.add(valueStart, valueEnd, valueAscii);
    else {
      // The key's text ends in "[]" exactly when its bytes do: ASCII bytes decode to themselves.
      const isArray =
        valueStart - keyStart >= 2 &&
        out[valueStart - 2] === OPEN_BRACKET &&
        out[valueStart - 1] === CLOSE_BRACKET;
      const field = new DecodedField(key, isArray, decoded, valueStart, valueEnd, valueAscii);
      byKey.set(key, field);
      fields.push(field);
    }
  }
  if (fields.length === 0) throw new ProvidersError('malformed_body', 'the form body is empty');
  return { fields, byKey };
}
