import type { UnauthenticatedReason } from '../provider-adapter';
import { constantTimeEqual } from '../shared/constant-time';

/** Outcome of a Kartra authenticity check. */
export type KartraCheck =
  { readonly valid: true } | { readonly valid: false; readonly reason: UnauthenticatedReason };

/** Checks the IPN's echoed `secret_key` against the merchant's, in constant time. */
export function verifyKartraIpnSecret(
  received: string | undefined,
  secretKey: string,
): KartraCheck {
  if (secretKey === '') return { valid: false, reason: 'secret_not_configured' };
  if (received === undefined) return { valid: false, reason: 'missing_signature' };
  return constantTimeEqual(received, secretKey)
    ? { valid: true }
    : { valid: false, reason: 'signature_mismatch' };
}

/**
 * Checks the per-merchant URL token that stands in for a signature on the outbound-API JSON,
 * which Kartra does not sign. Without a configured token the JSON surface is closed.
 */
export function verifyKartraUrlToken(
  query: Readonly<Record<string, unknown>>,
  urlToken: string | undefined,
): KartraCheck {
  if (urlToken === undefined || urlToken === '')
    return { valid: false, reason: 'url_token_not_configured' };
  const token = query.token;
  if (typeof token !== 'string' || token === '')
    return { valid: false, reason: 'missing_url_token' };
  return constantTimeEqual(token, urlToken)
    ? { valid: true }
    : { valid: false, reason: 'url_token_mismatch' };
}
