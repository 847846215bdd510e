import { isProviderName } from '@clawback/notifications';
import { ProvidersError, normalizeNotification, signatureSchemeOf } from '@clawback/providers';
import type { IdentifyNotification } from './timeline-record';

/**
 * The notification id, kind, money and signature scheme of a provider's raw record, as the
 * lifecycle derives them. The adapters' defaults are used: per-merchant options only set the
 * currency of providers that name none (Kartra), which is not part of the id. An unreadable
 * record gives `normalized: null` (the lifecycle dead-letters those; the dead letter is on the
 * timeline), though its signature scheme may still be named.
 */
export const identifyNotification: IdentifyNotification = (raw) => {
  if (!isProviderName(raw.provider)) return { signatureScheme: null, normalized: null };
  const record = {
    provider: raw.provider,
    merchantId: raw.merchantId,
    body: raw.body,
    contentType: raw.contentType,
    receivedAt: new Date(raw.receivedAt).toISOString(),
  };
  const signatureScheme = signatureSchemeOf(record);
  try {
    const n = normalizeNotification(record);
    return {
      signatureScheme,
      normalized: {
        notificationId: n.notificationId,
        kind: n.kind,
        amount: n.amount,
        currency: n.currency,
      },
    };
  } catch (error) {
    if (error instanceof ProvidersError) return { signatureScheme, normalized: null };
    throw error;
  }
};
