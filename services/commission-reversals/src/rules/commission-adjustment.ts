import type { ProviderName } from '@clawback/notifications';
import type { EarnedFrom } from '../terms/sale-commission';

/** Why a commission was reversed. */
export type ReversalReason =
  'refund_partial' | 'refund_full' | 'chargeback_opened' | 'chargeback_lost' | 'payment_denied';

/** Fields every adjustment carries (see schemas/affiliates.commission.adjustments.avsc). */
interface AdjustmentBase<Type extends string, Reason extends string> {
  /** `{sourceEventId}:{type}`: deterministic, so a replay yields the same ids. */
  readonly adjustmentId: string;
  readonly type: Type;
  readonly reason: Reason;
  readonly merchantId: string;
  readonly affiliateId: string;
  readonly orderKey: string;
  readonly provider: ProviderName;
  readonly orderRef: string;
  readonly sourceEventId: string;
  readonly sourceEventType: string;
  readonly currency: string;
  /** Signed effect on the balance: positive when earned or reinstated, negative when reversed. */
  readonly amount: number;
  /** The order's totals after this adjustment. */
  readonly earnedTotal: number;
  readonly reversedTotal: number;
  readonly heldTotal: number;
  /** The source event's provider time, ISO 8601 UTC. */
  readonly occurredAt: string;
}

/** Commission earned on a paid order with an affiliate. */
interface CommissionEarned extends AdjustmentBase<'CommissionEarned', 'order_paid'> {
  readonly earnedFrom: EarnedFrom;
}

/** Commission taken back (pro rata, in full, or into a chargeback hold). */
type CommissionReversed = AdjustmentBase<'CommissionReversed', ReversalReason>;

/** A chargeback hold released after the chargeback was won. */
type CommissionReinstated = AdjustmentBase<'CommissionReinstated', 'chargeback_won'>;

/** Every adjustment, discriminated on `type`. */
export type CommissionAdjustment = CommissionEarned | CommissionReversed | CommissionReinstated;

/** The `type` of a {@link CommissionAdjustment}. */
export type CommissionAdjustmentType = CommissionAdjustment['type'];

/** The Kafka key of an affiliate's adjustments: `{merchantId}:{affiliateId}`. */
export function affiliateKey(merchantId: string, affiliateId: string): string {
  return `${merchantId}:${affiliateId}`;
}
