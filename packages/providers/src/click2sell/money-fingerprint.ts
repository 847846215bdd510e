import { createHash } from 'node:crypto';
import { decodeOrderedForm } from '../form/ordered-form';

/** A verified Click2Sell body's checksum and a digest of the fields the checksum leaves open. */
export interface Click2SellChecksumUse {
  readonly checksum: string;
  readonly fingerprint: string;
}

const text = (form: ReturnType<typeof decodeOrderedForm>, key: string): string =>
  form.byKey.get(key)?.values[0]?.text.trim() ?? '';

/**
 * The checksum and a fingerprint of order (`c2s_transaction_id`) and money (`product_price`,
 * amount and currency), for the ingress's checksum-reuse record. The type is left out on
 * purpose: Click2Sell sends a genuine refund "for the same transaction id", so a sale and its
 * refund share one checksum and must both pass; a copy that moves other money or another
 * order does not. Undefined for a body without checksum (the adapter refused it already).
 */
export function click2sellChecksumUse(body: Uint8Array): Click2SellChecksumUse | undefined {
  const form = decodeOrderedForm(body);
  const checksum = text(form, 'checksum').toUpperCase();
  if (checksum === '') return undefined;
  const fields = [text(form, 'c2s_transaction_id'), text(form, 'product_price')];
  const fingerprint = createHash('sha256').update(JSON.stringify(fields)).digest('hex');
  return { checksum, fingerprint };
}
