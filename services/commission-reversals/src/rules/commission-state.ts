import type { EarnedFrom } from '../terms/sale-commission';

/**
 * What commission-reversals keeps per order: enough to decide every later event without
 * looking at the merchant's configuration again. Invariant: `0 <= held <= reversed <= earned`.
 * Plain data (no class), so it is cheap to hold in memory for every open order.
 */
export interface CommissionState {
  readonly merchantId: string;
  /** Fixed at `OrderPaid`. */
  readonly affiliateId: string;
  readonly currency: string;
  /** Minor units earned at `OrderPaid`; later configuration changes never alter it. */
  readonly earned: number;
  readonly earnedFrom: EarnedFrom;
  /** Reversed so far, `held` included. */
  readonly reversed: number;
  /** Reversed into a hold by an open chargeback; reinstated if it is won. */
  readonly held: number;
  /** Nothing more can change: fully refunded, chargeback lost or payment denied. */
  readonly final: boolean;
  /** Lifecycle `sequence` of the last event that changed this state. */
  readonly sequence: number;
}
