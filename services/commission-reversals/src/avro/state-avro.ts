import type { CommissionState } from '../rules/commission-state';
import type { EarnedFrom } from '../terms/sale-commission';

/** A value of `affiliates.commission.state` as Avro reads and writes it. */
export interface AvroCommissionState {
  readonly orderKey: string;
  readonly merchantId: string;
  readonly affiliateId: string;
  readonly currency: string;
  readonly earned: number;
  readonly earnedFrom: string;
  readonly reversed: number;
  readonly held: number;
  readonly final: boolean;
  readonly sequence: number;
}

/** The changelog record of an order's state. */
export function toAvroState(orderKey: string, state: CommissionState): AvroCommissionState {
  return {
    orderKey,
    merchantId: state.merchantId,
    affiliateId: state.affiliateId,
    currency: state.currency,
    earned: state.earned,
    earnedFrom: state.earnedFrom,
    reversed: state.reversed,
    held: state.held,
    final: state.final,
    sequence: state.sequence,
  };
}

/** The state a changelog record holds (the record's own `orderKey` is the map key). */
export function fromAvroState(record: AvroCommissionState): CommissionState {
  return {
    merchantId: record.merchantId,
    affiliateId: record.affiliateId,
    currency: record.currency,
    earned: record.earned,
    earnedFrom: record.earnedFrom as EarnedFrom,
    reversed: record.reversed,
    held: record.held,
    final: record.final,
    sequence: record.sequence,
  };
}
