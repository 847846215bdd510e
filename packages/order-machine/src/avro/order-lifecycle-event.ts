import type { OrderAffiliate, OrderLine, RefundKind } from '../events/lifecycle-event';
import type { RefundWarning } from '../rules/refund-warnings';

/**
 * The `OrderLifecycleEvent` record of `schemas/orders.lifecycle.events.avsc` as avsc reads and
 * writes it: one flat envelope, type-specific fields `null` where they do not belong.
 */
export interface OrderLifecycleEvent {
  readonly eventId: string;
  readonly type: string;
  readonly orderKey: string;
  readonly provider: string;
  readonly merchantId: string;
  readonly orderRef: string;
  readonly sequence: number;
  /** UTC epoch milliseconds (`timestamp-millis`). */
  readonly occurredAt: number;
  readonly causationId: string;
  readonly currency: string;
  readonly amount: number | null;
  readonly refundedTotal: number | null;
  readonly remaining: number | null;
  readonly paid: number | null;
  readonly kind: RefundKind | null;
  readonly reasonCode: string | null;
  readonly reason: string | null;
  readonly detail: string | null;
  readonly notificationKind: string | null;
  readonly lines: readonly OrderLine[] | null;
  readonly affiliate: OrderAffiliate | null;
  readonly subscriptionRefs: readonly string[] | null;
  /** Added later with default `null`: records written before it read as `null`. */
  readonly warnings: readonly RefundWarning[] | null;
  /**
   * Added later with default `null` (ADR 0020): set only when the provider time was not used;
   * absent when read with a writer schema older than the field.
   */
  readonly providerTimeWarning?: {
    readonly code: string;
    readonly providerTime: string;
    readonly detail: string;
  } | null;
}
