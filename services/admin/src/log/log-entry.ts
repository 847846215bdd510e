import type { OperatorCommandBody, RawNotificationRecord } from '@clawback/notifications';
import type { OrderLifecycleEvent } from '@clawback/order-machine';

/** Where a record sits in the log. */
export interface LogPosition {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** The Kafka record timestamp, epoch ms (when the record was written). */
  readonly timestamp: number;
}

/** Which dead-letter topic a dead letter is on. */
type DeadLetterQueue = 'raw' | 'cancellations';

/** The dead-lettered `SubscriptionCancellationFailed`, as far as a redrive needs it (ADR 0019). */
export interface FailedCancellation {
  readonly eventId: string;
  readonly subscriptionRef: string;
  readonly orderKey: string;
  readonly merchantId: string;
  readonly provider: string;
  readonly adapter: string;
  readonly cause: string;
  readonly causationId: string;
  readonly idempotencyKey: string;
  /** Epoch ms, the causing event's provider time. */
  readonly occurredAt: number;
}

/** A dead letter, from either queue, as the admin service shows it. */
export interface DeadLetterEntry {
  /** `{queue}-{partition}-{offset}` of the dead-letter record: stable, URL-safe. */
  readonly id: string;
  readonly queue: DeadLetterQueue;
  readonly position: LogPosition;
  readonly orderKey: string;
  readonly merchantId: string;
  readonly provider: string;
  readonly errorCode: string;
  readonly errorMessage: string;
  /** The dead-letter record's timestamp, epoch ms. */
  readonly deadLetteredAt: number;
  /** The raw notification (raw queue only): what a redrive republishes. */
  readonly raw: RawNotificationRecord | null;
  /** The failed cancellation step's event id (cancellations queue only). */
  readonly cancellationEventId: string | null;
  /** The failed cancellation (cancellations queue, stage `cancel` only): what a redrive retries. */
  readonly cancellation: FailedCancellation | null;
}

/**
 * One decoded record of the topics the admin service folds: a lifecycle event, a raw record
 * (a provider's notification or an operator command, maybe a redrive) or a dead letter.
 */
export type LogEntry =
  | {
      readonly source: 'event';
      readonly position: LogPosition;
      readonly event: OrderLifecycleEvent;
    }
  | {
      readonly source: 'raw';
      readonly position: LogPosition;
      readonly raw: RawNotificationRecord;
      /** The operator command this record carries, when it is one (ADR 0014). */
      readonly command: OperatorCommandBody | null;
      /** The dead letter this record re-drives (header `clawback-redrive-of`), if any. */
      readonly redrive: {
        readonly deadLetterId: string;
        readonly operatorId: string;
        readonly reason: string;
      } | null;
    }
  | { readonly source: 'dead_letter'; readonly deadLetter: DeadLetterEntry };
