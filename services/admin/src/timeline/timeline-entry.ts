import type { OperatorCommandBody } from '@clawback/notifications';

/** What happened to a raw notification (or operator command), derived from the events. */
export type NotificationOutcome = 'applied' | 'duplicate' | 'parked' | 'rejected' | 'pending';

/** Fields every timeline entry has: where the record sits and one line for tables. */
export interface TimelineEntryBase {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** The Kafka record timestamp, ISO 8601. */
  readonly at: string;
  readonly summary: string;
}

/** A record of `payments.notifications.raw` (a provider's notification or a command). */
export interface NotificationTimelineEntry extends TimelineEntryBase {
  readonly kind: 'notification';
  readonly provider: string;
  readonly merchantId: string;
  readonly contentType: string;
  /** ISO 8601 of the ingress's `receivedAt`. */
  readonly receivedAt: string;
  readonly ingressId: string;
  /** The notification id the adapters derive (null when the body cannot be normalized). */
  readonly notificationId: string | null;
  readonly notificationKind: string | null;
  /**
   * The signature scheme the stored body carries, as the adapters name it (`sha3-256`,
   * `url-token`, `checksum-md5`, …); `operator` for an operator command; null when none.
   */
  readonly signatureScheme: string | null;
  /** The normalized notification's amount, integer minor units of `currency`; null if unknown. */
  readonly amount: number | null;
  readonly currency: string | null;
  readonly operatorCommand: OperatorCommandBody | null;
  /** Set when the record is a redrive: the dead letter it re-drives. */
  readonly redriveOf: string | null;
  readonly outcome: NotificationOutcome;
  /** Why, when `outcome` is `rejected`. */
  readonly reason: string | null;
}

/** A record of `orders.lifecycle.events`. */
export interface EventTimelineEntry extends TimelineEntryBase {
  readonly kind: 'event';
  readonly type: string;
  readonly eventId: string;
  /** Provider time of the event, ISO 8601 (what the provider said; `at` is when it was written). */
  readonly occurredAt: string;
  readonly causationId: string;
  readonly sequence: number;
  readonly currency: string;
  readonly amount: number | null;
  readonly refundedTotal: number | null;
  readonly remaining: number | null;
  readonly reason: string | null;
  readonly detail: string | null;
}

/** A record of `affiliates.commission.adjustments`. */
interface AdjustmentTimelineEntry extends TimelineEntryBase {
  readonly kind: 'commission_adjustment';
  readonly type: string;
  readonly adjustmentId: string;
  readonly affiliateId: string;
  readonly sourceEventId: string;
  readonly reason: string;
  readonly currency: string;
  readonly amount: number;
  readonly earnedTotal: number;
  readonly reversedTotal: number;
}

/** A record of `subscriptions.cancellations`. */
interface CancellationTimelineEntry extends TimelineEntryBase {
  readonly kind: 'cancellation';
  readonly type: string;
  readonly eventId: string;
  readonly subscriptionRef: string;
  readonly causationId: string;
  readonly cause: string;
  readonly attempts: number;
}

/** A record of either dead-letter topic. */
interface DeadLetterTimelineEntry extends TimelineEntryBase {
  readonly kind: 'dead_letter';
  readonly deadLetterId: string;
  readonly queue: string;
  readonly errorCode: string;
  readonly errorMessage: string;
}

/** One line of an order's timeline (docs/operations.md, `GET /v1/orders/{orderKey}`). */
export type TimelineEntry =
  | NotificationTimelineEntry
  | EventTimelineEntry
  | AdjustmentTimelineEntry
  | CancellationTimelineEntry
  | DeadLetterTimelineEntry;
