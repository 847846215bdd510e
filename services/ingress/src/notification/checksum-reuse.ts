import type { ProviderName } from '@clawback/notifications';
import { click2sellChecksumUse } from '@clawback/providers';
import type { SafeDedupe } from '../dedupe/guarded-dedupe';

/**
 * False when a verified Click2Sell notification reuses a checksum already seen for the
 * merchant with another order or amount: its checksum covers only the acquirer id, so that
 * is an edited copy of a genuine notification. Other providers sign the whole body.
 */
export async function sameMoneyForChecksum(
  provider: ProviderName,
  merchantId: string,
  body: Uint8Array,
  dedupe: SafeDedupe,
): Promise<boolean> {
  if (provider !== 'click2sell') return true;
  const use = click2sellChecksumUse(body);
  if (use === undefined || dedupe.sameFingerprint === undefined) return true;
  return dedupe.sameFingerprint(`${merchantId}:${use.checksum}`, use.fingerprint);
}
