import { constantTimeEqual } from '../shared/constant-time';
import type { AuthenticityCheck } from '../shared/verify-url-token';

/**
 * Kartra signs nothing: its IPN echoes the merchant's `secret_key`, checked here in constant
 * time. (The outbound-API JSON carries no secret; it is authenticated by its URL token.)
 */
export function verifyKartraIpnSecret(
  received: string | undefined,
  secretKey: string,
): AuthenticityCheck {
  if (secretKey === '') return { valid: false, reason: 'secret_not_configured' };
  if (received === undefined) return { valid: false, reason: 'missing_signature' };
  return constantTimeEqual(received, secretKey)
    ? { valid: true }
    : { valid: false, reason: 'signature_mismatch' };
}
