import type { MerchantProviderSecrets } from '../provider-adapter';
import { type AuthenticityCheck, verifyUrlToken } from '../shared/verify-url-token';

/**
 * The first factor for Click2Sell: the per-merchant `?token=` of the notification URL. The
 * checksum covers only the acquirer id, so without the token an edited copy of a genuine
 * notification (other type, other price) would authenticate. A merchant without a token is
 * accepted on the checksum alone only when it set `allowChecksumOnly: true` (migration).
 */
export function verifyClick2SellUrlToken(
  query: Readonly<Record<string, unknown>>,
  secrets: MerchantProviderSecrets,
): AuthenticityCheck {
  if (secrets.urlToken === undefined && secrets.allowChecksumOnly === true) return { valid: true };
  return verifyUrlToken(query, secrets.urlToken);
}
