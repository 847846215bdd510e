import type { CanonicalNotification, ProviderName } from '@clawback/notifications';
import type { OrderAffiliate } from '../events/lifecycle-event';

/** The machine's states, flat; `status` of the persisted {@link OrderState}. */
export const ORDER_STATUSES = [
  'awaitingSale',
  'pending',
  'paid',
  'partiallyRefunded',
  'refunded',
  'disputed',
  'chargebackLost',
  'denied',
] as const;

/** One of {@link ORDER_STATUSES}. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** A sold line and how many of its units have been refunded so far. */
export interface OrderLineState {
  readonly lineId: string;
  readonly name: string;
  readonly quantity: number;
  readonly amount: number;
  readonly refundedQuantity: number;
}

/** The dispute currently open on the order. */
interface OpenChargeback {
  readonly notificationId: string;
  readonly amount: number;
  readonly reasonCode: string | null;
}

/**
 * One order's persisted snapshot: plain JSON (no class, no `undefined`, no Date), written to
 * `orders.lifecycle.state` and cached in Redis. It is also the machine's context, so restoring
 * it restores the machine exactly.
 */
export interface OrderState {
  readonly status: OrderStatus;
  readonly orderKey: string;
  readonly provider: ProviderName;
  readonly merchantId: string;
  readonly orderRef: string;
  /** Number of events derived so far; the `sequence` of the latest one. */
  readonly version: number;
  /** Set by the first payment notification (pending or completed). */
  readonly currency: string | null;
  /** The sale's amount (pending or captured). */
  readonly amount: number;
  /** Captured amount; 0 until the order is paid. */
  readonly paid: number;
  readonly refundedTotal: number;
  /** A refund declaring itself total has been applied (2Checkout rules). */
  readonly totalRefundApplied: boolean;
  /** Funds taken back by a lost chargeback. */
  readonly chargedBackTotal: number;
  readonly chargeback: OpenChargeback | null;
  readonly lines: readonly OrderLineState[];
  readonly affiliate: OrderAffiliate | null;
  /** Every subscription reference seen on the order, in order of first appearance. */
  readonly subscriptionRefs: readonly string[];
  /** Every notification id seen (applied, rejected or parked), for deduplication. */
  readonly seenNotificationIds: readonly string[];
  /** Notifications waiting for their sale, in arrival order. */
  readonly parked: readonly CanonicalNotification[];
  /**
   * Ids of parked notifications already reported overdue (`NotificationOverdue`): each is
   * reported once, and stays parked until its sale arrives or an operator resolves it.
   */
  readonly overdueNotificationIds: readonly string[];
}

/** What identifies an order: taken from its first notification. */
export type OrderIdentity = Pick<OrderState, 'orderKey' | 'provider' | 'merchantId' | 'orderRef'>;

/** The state of an order nothing has happened to yet (`version` 0). */
export function emptyOrderState(identity: OrderIdentity): OrderState {
  return {
    status: 'awaitingSale',
    orderKey: identity.orderKey,
    provider: identity.provider,
    merchantId: identity.merchantId,
    orderRef: identity.orderRef,
    version: 0,
    currency: null,
    amount: 0,
    paid: 0,
    refundedTotal: 0,
    totalRefundApplied: false,
    chargedBackTotal: 0,
    chargeback: null,
    lines: [],
    affiliate: null,
    subscriptionRefs: [],
    seenNotificationIds: [],
    parked: [],
    overdueNotificationIds: [],
  };
}

/** What is left to refund: captured minus refunded. */
export function remainingOf(state: Pick<OrderState, 'paid' | 'refundedTotal'>): number {
  return state.paid - state.refundedTotal;
}
