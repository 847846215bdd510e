import { forEachValueRange } from '../form/decoded-field';
import type { OrderedForm } from '../form/ordered-form';

/** Signature fields, left out of the signed source (kept in step with `SIGNATURE_FIELD`). */
const SIGNATURE_FIELDS = new Set(['SIGNATURE_SHA3_256', 'SIGNATURE_SHA2_256', 'HASH']);

const ZERO = 0x30;

function decimalLength(value: number): number {
  let digits = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  return digits;
}

/** Writes `value` (a length, so a non-negative integer) in decimal ASCII at `at`. */
function writeDecimal(out: Buffer, at: number, value: number): number {
  const end = at + decimalLength(value);
  let rest = value;
  for (let i = end - 1; i >= at; i--) {
    out[i] = ZERO + (rest % 10);
    rest = Math.floor(rest / 10);
  }
  return end;
}

/** 2Checkout's source string: each value's UTF-8 byte length in decimal, then its bytes. */
export function lengthPrefixed(values: readonly Uint8Array[]): Buffer {
  // Sized first and written once: it runs for every IPN (verification and read receipt).
  let size = 0;
  for (const value of values) size += decimalLength(value.length) + value.length;
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const value of values) {
    at = writeDecimal(out, at, value.length);
    out.set(value, at);
    at += value.length;
  }
  return out;
}

/**
 * The signed bytes of an IPN: every value in received order, signature fields excluded.
 * Copied from the decoded form directly: a view per value was most of this function's cost.
 */
export function signatureSource(form: OrderedForm): Buffer {
  const signed = form.fields.filter((field) => !SIGNATURE_FIELDS.has(field.key));
  let size = 0;
  const measure = (_bytes: Uint8Array, start: number, end: number): void => {
    size += decimalLength(end - start) + end - start;
  };
  for (const field of signed) forEachValueRange(field, measure);
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  const write = (bytes: Uint8Array, start: number, end: number): void => {
    at = writeDecimal(out, at, end - start);
    // Values are a few bytes long: a loop beats a view plus a native copy per value.
    for (let i = start; i < end; i++) out[at++] = bytes[i]!;
  };
  for (const field of signed) forEachValueRange(field, write);
  return out;
}
