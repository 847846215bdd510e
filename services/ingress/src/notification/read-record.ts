import { normalizeAccepted, type IngressDecision } from '@clawback/providers';
import type { RawNotificationRecord } from '../publish/notification-publisher';

type Accepted = Extract<IngressDecision, { outcome: 'accepted' }>;

/**
 * What the ingress learns from normalizing a verified record before it publishes it:
 * - `interpreted`: its stable notification id (the edge dedupe key). A provider time that is
 *   readable but implausible (year 9999, 1970) is no reason to refuse a verified fact: the
 *   lifecycle applies it at its `receivedAt` and opens a case (ADR 0020);
 * - `uninterpretable`: this version cannot read its amounts, dates or status. It is published
 *   anyway (an authentic fact is never lost) and the lifecycle dead-letters it, where it can be
 *   re-driven after a fix; it simply gets no edge dedupe.
 */
export type RecordReading =
  | { readonly kind: 'interpreted'; readonly notificationId: string }
  | { readonly kind: 'uninterpretable' };

/**
 * Normalizes `record` with the same rules as the lifecycle (`normalizeWithAdapter`), from the
 * body `decision` already decoded while verifying it: each body is parsed once.
 */
export function readRecord(
  decision: Accepted,
  record: RawNotificationRecord,
  settings: Readonly<Record<string, unknown>>,
): RecordReading {
  try {
    const currency = typeof settings.currency === 'string' ? settings.currency : undefined;
    const receivedAt = new Date(record.receivedAt).toISOString();
    const notification = normalizeAccepted(
      decision,
      currency === undefined ? { receivedAt } : { currency, receivedAt },
    );
    return { kind: 'interpreted', notificationId: notification.notificationId };
  } catch {
    return { kind: 'uninterpretable' };
  }
}
