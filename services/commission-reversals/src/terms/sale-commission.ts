import { mulDivRound } from '@clawback/money';
import type { OrderLine, OrderPaid } from '@clawback/order-machine';
import type { CommissionRate } from './commission-rate';
import type { CommissionTerms } from './commission-terms';

/** Where an earned commission comes from. */
export type EarnedFrom = 'provider_commission' | 'merchant_rate';

/** The commission earned on a sale. */
export interface SaleCommission {
  /** Minor units of the sale's currency. */
  readonly amount: number;
  readonly from: EarnedFrom;
}

const atRate = (amount: number, rate: CommissionRate): number =>
  mulDivRound(amount, rate.numerator, rate.denominator);

/**
 * The merchant-rate commission of a sale. Without product rates, or without lines, it is the
 * amount at the default rate (one rounding). With product rates, each line earns at its
 * product's rate (rounded per line, as a statement would show it) and whatever the lines do not
 * cover (fees, shipping) at the default rate; lines adding up to more than the amount (an order
 * discount) scale the line commissions down to the amount.
 */
export function merchantRateCommission(
  amount: number,
  lines: readonly OrderLine[],
  terms: CommissionTerms,
): number {
  if (terms.productRates.size === 0 || lines.length === 0) return atRate(amount, terms.defaultRate);
  let linesTotal = 0;
  let linesCommission = 0;
  for (const line of lines) {
    linesTotal += line.amount;
    linesCommission += atRate(
      line.amount,
      terms.productRates.get(line.lineId) ?? terms.defaultRate,
    );
  }
  if (linesTotal <= amount) return linesCommission + atRate(amount - linesTotal, terms.defaultRate);
  return mulDivRound(linesCommission, amount, linesTotal);
}

/**
 * The commission an `OrderPaid` earns, or `undefined` when it earns none: no affiliate, or
 * neither a provider figure nor merchant terms. The provider's own figure wins when present.
 */
export function saleCommission(
  paid: OrderPaid,
  terms: CommissionTerms | undefined,
): SaleCommission | undefined {
  const affiliate = paid.affiliate;
  if (affiliate === null) return undefined;
  if (affiliate.commission !== null) {
    return { amount: affiliate.commission, from: 'provider_commission' };
  }
  if (terms === undefined) return undefined;
  return { amount: merchantRateCommission(paid.amount, paid.lines, terms), from: 'merchant_rate' };
}
