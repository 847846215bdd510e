import { createHash } from 'node:crypto';
import type { OrderedForm } from '../form/ordered-form';
import { constantTimeEqual } from '../shared/constant-time';
import type { AuthenticityCheck } from '../shared/verify-url-token';

/**
 * `UPPER(hex(MD5(secret + "_" + acquirer_transaction_id)))`. It binds only the secret and the
 * processor's id: amount, type and buyer are not covered (see docs/providers.md).
 */
export function click2sellChecksum(secretKey: string, acquirerTransactionId: Uint8Array): string {
  return createHash('md5')
    .update(Buffer.from(`${secretKey}_`, 'utf8'))
    .update(acquirerTransactionId)
    .digest('hex')
    .toUpperCase();
}

/** Verifies `checksum` in constant time (hex case-insensitively). */
export function verifyClick2SellChecksum(form: OrderedForm, secretKey: string): AuthenticityCheck {
  if (secretKey === '') return { valid: false, reason: 'secret_not_configured' };
  const received = form.byKey.get('checksum')?.values[0]?.text.trim();
  if (!received) return { valid: false, reason: 'missing_signature' };
  const acquirerId = form.byKey.get('acquirer_transaction_id')?.values[0];
  // Without an acquirer id the checksum is one constant per merchant: any copy would pass.
  if (acquirerId === undefined || acquirerId.text.trim() === '')
    return { valid: false, reason: 'missing_acquirer_id' };
  return constantTimeEqual(received.toUpperCase(), click2sellChecksum(secretKey, acquirerId.bytes))
    ? { valid: true }
    : { valid: false, reason: 'signature_mismatch' };
}
