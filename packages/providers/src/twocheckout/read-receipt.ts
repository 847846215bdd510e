import type { OrderedForm } from '../form/ordered-form';
import { lengthPrefixed } from './source-string';
import { hmacHex, type TwoCheckoutAlgorithm } from './verify-signature';

const EMPTY = new Uint8Array(0);

function firstBytes(form: OrderedForm, key: string): Uint8Array {
  return form.byKey.get(key)?.values[0]?.bytes ?? EMPTY;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/**
 * The receipt's DATE (`YmdHis`) for `nowMs`, in UTC: 2Checkout's docs show server time
 * without a zone, and UTC is the only choice that does not depend on the host.
 */
export function receiptDate(nowMs: number): string {
  const d = new Date(nowMs);
  return (
    pad(d.getUTCFullYear(), 4) +
    pad(d.getUTCMonth() + 1) +
    pad(d.getUTCDate()) +
    pad(d.getUTCHours()) +
    pad(d.getUTCMinutes()) +
    pad(d.getUTCSeconds())
  );
}

/** The receipt HMAC: length-prefixed `IPN_PID[0]`, `IPN_PNAME[0]`, `IPN_DATE` and DATE. */
export function readReceiptHash(
  form: OrderedForm,
  secretKey: string,
  algorithm: TwoCheckoutAlgorithm,
  date: string,
): string {
  const source = lengthPrefixed([
    firstBytes(form, 'IPN_PID[]'),
    firstBytes(form, 'IPN_PNAME[]'),
    firstBytes(form, 'IPN_DATE'),
    Buffer.from(date, 'ascii'),
  ]);
  return hmacHex(algorithm, secretKey, source);
}

/**
 * The read receipt 2Checkout requires in the 200 body, signed with the algorithm the IPN was
 * verified with: `<EPAYMENT>DATE|HASH</EPAYMENT>` for MD5, otherwise
 * `<sig algo="sha256|sha3-256" date="DATE">HASH</sig>`.
 */
export function twoCheckoutReadReceipt(
  form: OrderedForm,
  secretKey: string,
  algorithm: TwoCheckoutAlgorithm,
  date: string,
): string {
  const hash = readReceiptHash(form, secretKey, algorithm, date);
  return algorithm === 'md5'
    ? `<EPAYMENT>${date}|${hash}</EPAYMENT>`
    : `<sig algo="${algorithm}" date="${date}">${hash}</sig>`;
}
