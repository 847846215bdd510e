import { byteLengthOf, copyBytesOf } from '../form/decoded-value';
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
  let size = 0;
  for (const field of form.fields) {
    if (SIGNATURE_FIELDS.has(field.key)) continue;
    for (const value of field.values) {
      const length = byteLengthOf(value);
      size += decimalLength(length) + length;
    }
  }
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const field of form.fields) {
    if (SIGNATURE_FIELDS.has(field.key)) continue;
    for (const value of field.values) {
      at = copyBytesOf(value, out, writeDecimal(out, at, byteLengthOf(value)));
    }
  }
  return out;
}
