import { isProviderName } from '@clawback/notifications';
import { isProvidersError, normalizeNotification } from '@clawback/providers';
import type { IdentifyNotification } from './timeline-record';

/**
 * The notification id and kind of a provider's raw record, as the lifecycle derives them. The
 * adapters' defaults are used: per-merchant options only set the currency of providers that
 * name none (Kartra), which is not part of the id. Unreadable records give `null` (the
 * lifecycle dead-letters those; the dead letter is on the timeline).
 */
export const identifyNotification: IdentifyNotification = (raw) => {
  if (!isProviderName(raw.provider)) return null;
  try {
    const n = normalizeNotification({
      provider: raw.provider,
      merchantId: raw.merchantId,
      body: raw.body,
      contentType: raw.contentType,
      receivedAt: new Date(raw.receivedAt).toISOString(),
    });
    return { notificationId: n.notificationId, kind: n.kind };
  } catch (error) {
    if (isProvidersError(error)) return null;
    throw error;
  }
};
