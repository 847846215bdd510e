import type { CanonicalNotification, OperatorCommand } from '@clawback/notifications';
import type { RawNotificationRecord } from '../records/raw-notification';

/**
 * One input record as the pure core sees it: normalized, or the reason it cannot be used (it
 * is dead-lettered). `raw` is what the dead letter carries so an operator can re-drive it.
 */
export type PartitionRecord =
  | {
      readonly kind: 'notification';
      readonly offset: string;
      readonly raw: RawNotificationRecord;
      readonly notification: CanonicalNotification;
    }
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
