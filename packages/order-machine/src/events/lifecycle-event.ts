import type { NotificationKind, ProviderName } from '@clawback/notifications';
import type { RejectionReason } from '../rules/rejection-reason';
import type { ProviderTimeWarning } from '../rules/provider-time';
import type { RefundWarning } from '../rules/refund-warnings';

/** One product line of an order, as sold or as refunded. Money in minor units. */
export interface OrderLine {
  readonly lineId: string;
  readonly name: string;
  /** Units; on a refund, the units refunded (0 when the provider does not say). */
  readonly quantity: number;
  readonly amount: number;
}

/** The affiliate credited with the sale and the provider's commission figure, if it sent one. */
export interface OrderAffiliate {
  readonly affiliateId: string;
  /** Minor units; `null` when the provider does not send a commission (use the merchant's rate). */
  readonly commission: number | null;
}

/** Fields every lifecycle event carries (see DESIGN.md "Order-lifecycle events"). */
export interface LifecycleEventBase<Type extends string> {
  /** `{causationId}#{index}`: deterministic, so a replay produces the same ids. */
  readonly eventId: string;
  readonly type: Type;
  readonly orderKey: string;
  readonly provider: ProviderName;
  readonly merchantId: string;
  readonly orderRef: string;
  /** The order's version after this event: 1 for its first event, gapless. */
  readonly sequence: number;
  /** Provider time of the causing notification, `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  readonly occurredAt: string;
  /** The causing notification's `notificationId`. */
  readonly causationId: string;
  /** ISO 4217 code of every money field of the event. */
  readonly currency: string;
  /**
   * Present only when the causing notification's provider time was implausible: `occurredAt`
   * is then the ingress's receipt time, and this keeps the provider's (ADR 0020).
   */
  readonly providerTimeWarning?: ProviderTimeWarning;
}

/** An offline/eCheck/authorised payment is not yet captured. */
interface PaymentPending extends LifecycleEventBase<'PaymentPending'> {
  readonly amount: number;
}

/** The payment was captured: commissions are earned on this event. */
export interface OrderPaid extends LifecycleEventBase<'OrderPaid'> {
  readonly amount: number;
  readonly lines: readonly OrderLine[];
  readonly affiliate: OrderAffiliate | null;
  readonly subscriptionRefs: readonly string[];
}

/** `full` exactly when the refund leaves nothing remaining. */
export type RefundKind = 'partial' | 'full';

/** A refund was applied; cumulative figures let readers compute pro rata without drift. */
export interface RefundApplied extends LifecycleEventBase<'RefundApplied'> {
  readonly amount: number;
  readonly refundedTotal: number;
  readonly remaining: number;
  /** Total captured: `refundedTotal + remaining`. */
  readonly paid: number;
  readonly kind: RefundKind;
  /** The lines this refund names (may be empty). */
  readonly lines: readonly OrderLine[];
  readonly affiliate: OrderAffiliate | null;
  readonly subscriptionRefs: readonly string[];
  /** Quantities that could not be reconciled with the sale; empty when none. Never a refusal. */
  readonly warnings: readonly RefundWarning[];
}

/** A dispute was opened on a paid or partially refunded order. */
export interface ChargebackOpened extends LifecycleEventBase<'ChargebackOpened'> {
  readonly amount: number;
  readonly reasonCode: string | null;
  readonly affiliate: OrderAffiliate | null;
}

/** The dispute was resolved for the merchant; the order is back where it was. */
export interface ChargebackWon extends LifecycleEventBase<'ChargebackWon'> {
  readonly amount: number;
  readonly affiliate: OrderAffiliate | null;
}

/** The dispute was lost or accepted: the funds are gone. */
export interface ChargebackLost extends LifecycleEventBase<'ChargebackLost'> {
  readonly amount: number;
  readonly affiliate: OrderAffiliate | null;
  readonly subscriptionRefs: readonly string[];
}

/** eCheck denied/returned, fraud denied, offline payment cancelled, authorisation reversed. */
export interface PaymentDenied extends LifecycleEventBase<'PaymentDenied'> {
  readonly amount: number;
  readonly reason: string | null;
  readonly affiliate: OrderAffiliate | null;
  readonly subscriptionRefs: readonly string[];
}

/** The provider reports the subscription(s) cancelled. */
interface SubscriptionEnded extends LifecycleEventBase<'SubscriptionEnded'> {
  readonly subscriptionRefs: readonly string[];
}

/** A notification broke an invariant or could not be placed; it changed nothing else. */
interface NotificationRejected extends LifecycleEventBase<'NotificationRejected'> {
  readonly reason: RejectionReason;
  /** Human-readable explanation for operators; not a contract. */
  readonly detail: string;
  readonly notificationKind: NotificationKind;
  /** The rejected notification's amount, in its own `currency`. */
  readonly amount: number;
}

/**
 * A parked notification (a refund, chargeback or denial waiting for its sale) passed the
 * orphan horizon in provider time. It stays parked and is applied if its sale arrives; this
 * event opens a case for an operator. `causationId` is the parked notification's id.
 */
interface NotificationOverdue extends LifecycleEventBase<'NotificationOverdue'> {
  readonly detail: string;
  readonly notificationKind: NotificationKind;
  /** The parked notification's amount in minor units (0 when the provider sent none). */
  readonly amount: number;
}

/** Every event the order lifecycle derives, discriminated on `type`. */
export type LifecycleEvent =
  | PaymentPending
  | OrderPaid
  | RefundApplied
  | ChargebackOpened
  | ChargebackWon
  | ChargebackLost
  | PaymentDenied
  | SubscriptionEnded
  | NotificationRejected
  | NotificationOverdue;

/** The `type` of a {@link LifecycleEvent}. */
export type LifecycleEventType = LifecycleEvent['type'];

/** Every {@link LifecycleEventType}, in the order DESIGN.md lists them. */
export const LIFECYCLE_EVENT_TYPES = [
  'PaymentPending',
  'OrderPaid',
  'RefundApplied',
  'ChargebackOpened',
  'ChargebackWon',
  'ChargebackLost',
  'PaymentDenied',
  'SubscriptionEnded',
  'NotificationRejected',
  'NotificationOverdue',
] as const satisfies readonly LifecycleEventType[];
