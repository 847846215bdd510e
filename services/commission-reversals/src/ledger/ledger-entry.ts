import type { CommissionAdjustment } from '../rules/commission-adjustment';

/** One booked adjustment as the ledger stores and the read API returns it. */
export interface LedgerEntry {
  readonly adjustmentId: string;
  readonly type: CommissionAdjustment['type'];
  readonly reason: CommissionAdjustment['reason'];
  readonly orderKey: string;
  readonly provider: string;
  readonly orderRef: string;
  readonly sourceEventId: string;
  readonly sourceEventType: string;
  readonly currency: string;
  /** Signed minor units: positive earned or reinstated, negative reversed. */
  readonly amount: number;
  readonly earnedTotal: number;
  readonly reversedTotal: number;
  readonly heldTotal: number;
  /** `provider_commission` or `merchant_rate` on `CommissionEarned`, else `null`. */
  readonly earnedFrom: string | null;
  readonly occurredAt: string;
  /** The affiliate's balance in `currency` right after this entry. */
  readonly balanceAfter: number;
}

/** The entry of an adjustment, before the ledger adds its `balanceAfter`. */
export function ledgerEntryOf(adjustment: CommissionAdjustment): Omit<LedgerEntry, 'balanceAfter'> {
  return {
    adjustmentId: adjustment.adjustmentId,
    type: adjustment.type,
    reason: adjustment.reason,
    orderKey: adjustment.orderKey,
    provider: adjustment.provider,
    orderRef: adjustment.orderRef,
    sourceEventId: adjustment.sourceEventId,
    sourceEventType: adjustment.sourceEventType,
    currency: adjustment.currency,
    amount: adjustment.amount,
    earnedTotal: adjustment.earnedTotal,
    reversedTotal: adjustment.reversedTotal,
    heldTotal: adjustment.heldTotal,
    earnedFrom: adjustment.type === 'CommissionEarned' ? adjustment.earnedFrom : null,
    occurredAt: adjustment.occurredAt,
  };
}

/** The totals field an adjustment adds its magnitude to. */
export function totalFieldOf(type: CommissionAdjustment['type']): string {
  switch (type) {
    case 'CommissionEarned':
      return 'earned';
    case 'CommissionReversed':
      return 'reversed';
    case 'CommissionReinstated':
      return 'reinstated';
  }
}
