/**
 * Stable reason codes of `NotificationRejected` (documented in docs/order-lifecycle.md). Safe
 * to alert and to build reports on: codes are only ever added, never renamed.
 */
export const REJECTION_REASONS = [
  /** A refund above what remains refundable. */
  'over_refund',
  /** A refund whose per-line quantities exceed what was sold, cumulatively. */
  'over_refund_quantity',
  /** A refund naming a line the sale did not have. */
  'unknown_line',
  /** A refund that declares itself total while earlier refunds exist (2Checkout rule). */
  'total_refund_after_partial',
  /** A second refund that declares itself total (2Checkout rule). */
  'second_total_refund',
  /** A refund that declares itself total but does not refund exactly what was paid. */
  'total_refund_amount_mismatch',
  /** Parked waiting for its sale for longer than the orphan horizon (provider time). */
  'orphan',
  /** A currency other than the order's. */
  'currency_mismatch',
  /** A notification for another order than the state it was applied to. */
  'order_mismatch',
  /** A malformed notification: amount, quantity, currency or occurredAt unusable. */
  'invalid_notification',
  /** A payment notification for an order already captured. */
  'already_paid',
  /** A notification that does not apply to the order's current state. */
  'invalid_transition',
  /** A notification kind the provider adapter did not recognise. */
  'unsupported_notification',
] as const;

/** One of {@link REJECTION_REASONS}. */
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Why a notification is rejected: a stable code and a sentence for operators. */
export interface Rejection {
  readonly reason: RejectionReason;
  readonly detail: string;
}
