import type { Logger } from '@clawback/logging';
import { click2sellAuthentication, type MerchantDirectory } from '@clawback/merchants';

/**
 * Logs, once at start-up, every merchant whose Click2Sell notifications are not protected by
 * a URL token: `allowChecksumOnly` ones (warning: forged copies are stopped only by the
 * checksum-reuse record) and ones with neither setting (error: every notification gets 401).
 */
export function warnWeakClick2Sell(merchants: MerchantDirectory, logger: Logger): void {
  for (const [merchantId, mode] of click2sellAuthentication(merchants)) {
    if (mode === 'checksum-only') {
      logger.warn(
        { merchantId, provider: 'click2sell' },
        'click2sell accepts checksum-only notifications (allowChecksumOnly); configure urlToken',
      );
    } else if (mode === 'closed') {
      logger.error(
        { merchantId, provider: 'click2sell' },
        'click2sell has no urlToken: every notification is refused (set urlToken)',
      );
    }
  }
}
