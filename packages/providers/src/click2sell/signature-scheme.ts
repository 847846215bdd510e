import type { OrderedForm } from '../form/ordered-form';

/**
 * What the body of a stored Click2Sell notification is authenticated by: its MD5 `checksum`
 * (`checksum-md5`); `null` without one. The `?token=` URL token is not part of the stored
 * body, so it cannot be read back here.
 */
export function click2sellSignatureScheme(form: OrderedForm): string | null {
  return form.byKey.get('checksum')?.values[0]?.text.trim() ? 'checksum-md5' : null;
}
