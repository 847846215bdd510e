import type { CanonicalNotification, OperatorCommand } from '@clawback/notifications';
import type { RawNotificationRecord } from '../records/raw-notification';
import { isoText } from './iso-text';
import { justifiedTime } from './watermark';

/** A normalized notification record, with what every later step reads of its times. */
export interface NotificationRecord {
  readonly kind: 'notification';
  readonly offset: string;
  readonly raw: RawNotificationRecord;
  readonly notification: CanonicalNotification;
  /**
   * `raw.receivedAt` as ISO 8601 (`toISOString()`), or `null` when it is implausible. Computed
   * once per record: normalizing, and the machine's notification input, both need it.
   */
  readonly receivedAt: string | null;
  /** `Date.parse(notification.occurredAt)` (NaN when unparsable), read by several steps. */
  readonly occurredAtMs: number;
}

/**
 * One input record as the pure core sees it: normalized, or the reason it cannot be used (it
 * is dead-lettered). `raw` is what the dead letter carries so an operator can re-drive it.
 */
export type PartitionRecord =
  | NotificationRecord
  | {
      /** An operator's resolution (ADR 0014), decided in order with the notifications. */
      readonly kind: 'command';
      readonly offset: string;
      readonly raw: RawNotificationRecord;
      readonly command: OperatorCommand;
    }
  | {
      readonly kind: 'unusable';
      readonly offset: string;
      readonly raw: RawNotificationRecord;
      readonly errorCode: string;
      readonly errorMessage: string;
    };

/** A record that goes to `payments.notifications.dlq` instead of the machine. */
export interface DeadLetter {
  readonly offset: string;
  readonly raw: RawNotificationRecord;
  readonly errorCode: string;
  readonly errorMessage: string;
}

/** `raw.receivedAt` as `toISOString()` writes it, `null` when outside the plausible range. */
export function receivedAtText(receivedAtMs: number): string | null {
  return justifiedTime(receivedAtMs) === null ? null : isoText(receivedAtMs);
}

/**
 * The record of a normalized notification; `receivedAt` is {@link receivedAtText} of
 * `raw.receivedAt` when the caller already has it.
 */
export function notificationRecord(
  offset: string,
  raw: RawNotificationRecord,
  notification: CanonicalNotification,
  receivedAt: string | null = receivedAtText(raw.receivedAt),
): NotificationRecord {
  return {
    kind: 'notification',
    offset,
    raw,
    notification,
    receivedAt,
    occurredAtMs: Date.parse(notification.occurredAt),
  };
}
