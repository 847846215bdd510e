import { parseCommissionTerms, type CommissionTerms } from '../terms/commission-terms';

/** Terms for tests: `"0.30"` by default, optional product rates. */
export function testTerms(
  defaultRate = '0.30',
  productRates: Readonly<Record<string, string>> = {},
): CommissionTerms {
  return parseCommissionTerms({ defaultRate, productRates }, 'test')!;
}
