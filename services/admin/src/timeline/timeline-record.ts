import type { LogEntry, LogPosition } from '../log/log-entry';

/** The fields of an `affiliates.commission.adjustments` value the timeline shows. */
export interface AdjustmentValue {
  readonly adjustmentId: string;
  readonly type: string;
  readonly reason: string;
  readonly affiliateId: string;
  readonly orderKey: string;
  readonly sourceEventId: string;
  readonly currency: string;
  readonly amount: number;
  readonly earnedTotal: number;
  readonly reversedTotal: number;
}

/** The fields of a `subscriptions.cancellations` value the timeline shows. */
export interface CancellationValue {
  readonly eventId: string;
  readonly type: string;
  readonly subscriptionRef: string;
  readonly orderKey: string;
  readonly causationId: string;
  readonly cause: string;
  readonly attempts: number;
  /** `SubscriptionCancellationFailed`: why (its `code`). */
  readonly lastError?: { readonly code: string } | null;
  /** Set on the steps of a redrive (ADR 0019): which dead letter, who and why. */
  readonly redrive?: {
    readonly deadLetterId: string;
    readonly operatorId: string;
    readonly reason: string;
  } | null;
}

/** A decoded record the timeline folds: the cases' entries plus the downstream topics. */
export type TimelineRecord =
  | LogEntry
  | {
      readonly source: 'adjustment';
      readonly position: LogPosition;
      readonly adjustment: AdjustmentValue;
    }
  | {
      readonly source: 'cancellation';
      readonly position: LogPosition;
      readonly cancellation: CancellationValue;
    };

/** What the adapters read from a raw notification's body. */
interface NotificationFacts {
  /** The signature scheme the body carries (`sha3-256`, `url-token`, …), null when none. */
  readonly signatureScheme: string | null;
  /** The normalized notification's id, kind and money; null when the body is unreadable. */
  readonly normalized: {
    readonly notificationId: string;
    readonly kind: string;
    /** Integer minor units of `currency`. */
    readonly amount: number;
    readonly currency: string;
  } | null;
}

/** What the adapters say about a raw notification (see {@link NotificationFacts}). */
export type IdentifyNotification = (
  raw: Extract<LogEntry, { source: 'raw' }>['raw'],
) => NotificationFacts;
