import type { MerchantDirectory } from './merchant-config';

/** How a merchant's Click2Sell notifications are authenticated (docs/merchant-setup.md). */
export type Click2SellAuthentication = 'url-token' | 'checksum-only' | 'closed';

/**
 * Each merchant with a Click2Sell block and how its notifications are authenticated:
 * `url-token` (recommended), `checksum-only` (`allowChecksumOnly: true`, migration: an edited
 * copy of a genuine notification is refused only by the ingress's checksum-reuse record) or
 * `closed` (neither: every notification is refused with 401). The ingress logs the last two
 * at start-up. Kept out of parsing because other services read the same file and do not care.
 */
export function click2sellAuthentication(
  directory: MerchantDirectory,
): ReadonlyMap<string, Click2SellAuthentication> {
  const out = new Map<string, Click2SellAuthentication>();
  for (const [merchantId, merchant] of directory) {
    const settings = merchant.providers.click2sell;
    if (settings === undefined) continue;
    if (settings.urlToken !== undefined) out.set(merchantId, 'url-token');
    else out.set(merchantId, settings.allowChecksumOnly === true ? 'checksum-only' : 'closed');
  }
  return out;
}
