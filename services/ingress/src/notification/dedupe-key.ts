import type { ProviderAdapter } from '@clawback/providers';
import type { RawNotificationRecord } from '../publish/notification-publisher';

/**
 * The adapter's stable notification id of a verified record, or undefined when this version
 * cannot interpret it (it is published anyway and the lifecycle dead-letters it; such records
 * simply get no edge dedupe).
 */
export function dedupeKeyOf(
  adapter: ProviderAdapter,
  record: RawNotificationRecord,
  settings: Readonly<Record<string, unknown>>,
): string | undefined {
  try {
    const currency = typeof settings.currency === 'string' ? settings.currency : undefined;
    const notification = adapter.normalize(
      {
        merchantId: record.merchantId,
        body: record.body,
        contentType: record.contentType,
        receivedAt: new Date(record.receivedAt).toISOString(),
      },
      currency === undefined ? {} : { currency },
    );
    return notification.notificationId;
  } catch {
    return undefined;
  }
}
