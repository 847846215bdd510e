import type { UnauthenticatedReason } from '../provider-adapter';
import { constantTimeEqual } from './constant-time';

/** Outcome of an authenticity check (a signature, an echoed secret or a URL token). */
export type AuthenticityCheck =
  { readonly valid: true } | { readonly valid: false; readonly reason: UnauthenticatedReason };

/**
 * Checks the per-merchant `?token=` of the notification URL, in constant time. It stands in for
 * a signature where the provider signs nothing (Kartra's outbound-API JSON) or too little
 * (Click2Sell). Without a configured token the surface is closed.
 */
export function verifyUrlToken(
  query: Readonly<Record<string, unknown>>,
  urlToken: string | undefined,
): AuthenticityCheck {
  if (urlToken === undefined || urlToken === '')
    return { valid: false, reason: 'url_token_not_configured' };
  const token = query.token;
  if (typeof token !== 'string' || token === '')
    return { valid: false, reason: 'missing_url_token' };
  return constantTimeEqual(token, urlToken)
    ? { valid: true }
    : { valid: false, reason: 'url_token_mismatch' };
}
