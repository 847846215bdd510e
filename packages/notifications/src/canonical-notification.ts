import type { ProviderName } from './provider';

/**
 * What a provider's notification says happened, in provider-neutral terms. The order-lifecycle
 * machine consumes only this; provider quirks end in the adapters.
 *
 * - `payment_pending`: an offline/eCheck/authorised payment not yet captured.
 * - `payment_completed`: the sale is paid (also a subscription rebill, which is its own order).
 * - `refund`: money returned, full or partial (see {@link RefundScope}).
 * - `chargeback_opened` / `chargeback_won` / `chargeback_lost`: a dispute and its outcome.
 * - `payment_denied`: eCheck denied/returned, fraud denied, offline payment cancelled,
 *   authorisation reversed.
 * - `subscription_ended`: the provider reports a subscription cancelled.
 * - `unsupported`: a status/type the adapter does not know; reported by the lifecycle, never dropped.
 */
export type NotificationKind =
  | 'payment_pending'
  | 'payment_completed'
  | 'refund'
  | 'chargeback_opened'
  | 'chargeback_won'
  | 'chargeback_lost'
  | 'payment_denied'
  | 'subscription_ended'
  | 'unsupported';

/**
 * How a refund describes itself: `total` when the provider says explicitly that the whole
 * order is refunded (2Checkout REFUND_TYPE=FULL), `partial` when it says so explicitly
 * (Kartra partial_refund), `unspecified` otherwise. The machine decides `kind` (partial/full)
 * of the derived event from cumulative totals; the scope only feeds the 2Checkout rules.
 */
export type RefundScope = 'total' | 'partial' | 'unspecified';

/**
 * What the line quantities of a notification mean. `refunded_units`: the provider states the
 * units this refund gives back (a cap per line applies). `order_quantities`: the provider only
 * repeats the order's quantities (2Checkout IPNs repeat the order's arrays; no public source
 * says what `IPN_QTY[]` holds on a refund), so they say nothing about refunded units. Absent on
 * a sale: its quantities are the units sold.
 */
export type LineQuantities = 'refunded_units' | 'order_quantities';

/** One product line. Money is integer minor units of the notification's currency. */
export interface NotificationLine {
  /** The provider's product id (stable across sale and refund notifications). */
  readonly lineId: string;
  readonly name: string;
  /** Units; on a refund, the units refunded (0 when the provider does not say). */
  readonly quantity: number;
  /** The line's total, a positive magnitude, in minor units. */
  readonly amount: number;
}

/** The affiliate credited with a sale. */
export interface NotificationAffiliate {
  /** The provider's affiliate id or username. */
  readonly affiliateId: string;
  /** The provider's own commission figure in minor units, when it sends one. */
  readonly commission?: number;
}

/**
 * A verified notification, normalized. Immutable; every field is derived from the raw body
 * alone (no clock, no lookup), so normalizing the same raw record twice gives equal values.
 */
export interface CanonicalNotification {
  /**
   * Stable id for deduplication: the same logical notification retried by the provider yields
   * the same id. Derived from provider, merchant and the provider's own identifying fields.
   */
  readonly notificationId: string;
  readonly provider: ProviderName;
  readonly merchantId: string;
  /** The provider's id of the original sale (see DESIGN.md "Order key"). */
  readonly orderRef: string;
  /** `{provider}:{merchantId}:{orderRef}`. */
  readonly orderKey: string;
  readonly kind: NotificationKind;
  /** Only for `kind === 'refund'`. */
  readonly refundScope?: RefundScope;
  /** Provider time of the event, ISO 8601 UTC with `Z` (e.g. `2026-01-31T12:00:00Z`). */
  readonly occurredAt: string;
  /**
   * Never set by an adapter: set by the order machine when the provider's time was implausible
   * (ADR 0020). It holds that time as normalized; `occurredAt` is then the ingress's receipt.
   */
  readonly implausibleProviderTime?: string;
  /** ISO 4217 code. */
  readonly currency: string;
  /**
   * The money this notification moves, as a positive magnitude in minor units: the sale total,
   * the refunded amount, the disputed amount, the denied amount. Providers' negative signs are
   * removed by the adapter.
   */
  readonly amount: number;
  readonly lines: readonly NotificationLine[];
  /**
   * Refunds only: whether `lines[].quantity` are stated refunded units or repeated order
   * quantities. Absent is read as `order_quantities`: a guess never caps a refund.
   */
  readonly lineQuantities?: LineQuantities;
  readonly affiliate?: NotificationAffiliate;
  /** Subscription references the provider associates with the order (may be empty). */
  readonly subscriptionRefs: readonly string[];
  /** Chargeback reason code or denial reason, when the provider gives one. */
  readonly reason?: string;
  /** The provider's own status/type string(s), e.g. `REFUND` or `partial_refund`, for reports. */
  readonly providerStatus: string;
  /** True when the provider marks this as a test transaction. */
  readonly test: boolean;
}
