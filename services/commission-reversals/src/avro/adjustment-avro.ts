import { isProviderName } from '@clawback/notifications';
import type {
  CommissionAdjustment,
  CommissionAdjustmentType,
  ReversalReason,
} from '../rules/commission-adjustment';
import type { EarnedFrom } from '../terms/sale-commission';

/** A value of `affiliates.commission.adjustments` as Avro reads and writes it. */
export interface AvroCommissionAdjustment {
  readonly adjustmentId: string;
  readonly type: string;
  readonly reason: string;
  readonly merchantId: string;
  readonly affiliateId: string;
  readonly orderKey: string;
  readonly provider: string;
  readonly orderRef: string;
  readonly sourceEventId: string;
  readonly sourceEventType: string;
  readonly currency: string;
  readonly amount: number;
  readonly earnedTotal: number;
  readonly reversedTotal: number;
  readonly heldTotal: number;
  readonly earnedFrom: string | null;
  /** Epoch milliseconds (`timestamp-millis`). */
  readonly occurredAt: number;
}

/** The Avro record of an adjustment. */
export function toAvroAdjustment(adjustment: CommissionAdjustment): AvroCommissionAdjustment {
  // Assigned onto a fresh object rather than spread into a literal: V8's fast path (the spread
  // of this many keys went the slow way, docs/performance.md section 12).
  return Object.assign({}, adjustment, {
    earnedFrom: adjustment.type === 'CommissionEarned' ? adjustment.earnedFrom : null,
    occurredAt: Date.parse(adjustment.occurredAt),
  });
}

const REASONS: Readonly<Record<CommissionAdjustmentType, readonly string[]>> = {
  CommissionEarned: ['order_paid'],
  CommissionReversed: [
    'refund_partial',
    'refund_full',
    'chargeback_opened',
    'chargeback_lost',
    'payment_denied',
  ] satisfies readonly ReversalReason[],
  CommissionReinstated: ['chargeback_won'],
};

const EARNED_FROM: readonly string[] = [
  'provider_commission',
  'merchant_rate',
] satisfies EarnedFrom[];

/**
 * The adjustment an Avro record holds, or `undefined` for a type or reason this version does
 * not know (written by a newer one): readers skip those instead of guessing their effect.
 */
export function fromAvroAdjustment(
  record: AvroCommissionAdjustment,
): CommissionAdjustment | undefined {
  const type = record.type as CommissionAdjustmentType;
  if (!REASONS[type]?.includes(record.reason) || !isProviderName(record.provider)) return undefined;
  let earnedFrom: EarnedFrom | undefined;
  if (type === 'CommissionEarned') {
    if (record.earnedFrom === null || !EARNED_FROM.includes(record.earnedFrom)) return undefined;
    earnedFrom = record.earnedFrom as EarnedFrom;
  }
  // One object, its fields assigned in place: spreading a shared part into each type's object
  // went V8's slow way, once per adjustment booked (docs/performance.md section 12).
  const adjustment: Record<string, unknown> = {
    adjustmentId: record.adjustmentId,
    type,
    reason: record.reason,
    merchantId: record.merchantId,
    affiliateId: record.affiliateId,
    orderKey: record.orderKey,
    provider: record.provider,
    orderRef: record.orderRef,
    sourceEventId: record.sourceEventId,
    sourceEventType: record.sourceEventType,
    currency: record.currency,
    amount: record.amount,
    earnedTotal: record.earnedTotal,
    reversedTotal: record.reversedTotal,
    heldTotal: record.heldTotal,
    occurredAt: new Date(record.occurredAt).toISOString(),
  };
  if (earnedFrom !== undefined) adjustment.earnedFrom = earnedFrom;
  // The reason was checked against the type above; `earnedFrom` only on `CommissionEarned`.
  return adjustment as unknown as CommissionAdjustment;
}
