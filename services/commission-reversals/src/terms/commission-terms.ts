import { merchantSection, type MerchantDirectory } from '@clawback/merchants';
import { CommissionError } from '../commission-error';
import { parseCommissionRate, type CommissionRate } from './commission-rate';

/** One merchant's commission configuration (the `commission` section of the merchants file). */
export interface CommissionTerms {
  /** The rate of any product without its own. */
  readonly defaultRate: CommissionRate;
  /** Rates by product id: the provider's product id, which order lines carry as `lineId`. */
  readonly productRates: ReadonlyMap<string, CommissionRate>;
}

const KNOWN_KEYS = new Set(['defaultRate', 'productRates']);

/**
 * Validates a merchant's `commission` section:
 * `{ "defaultRate": "0.30", "productRates": { "<productId>": "0.50" } }` (`productRates`
 * optional). Returns `undefined` when the merchant has no section (no merchant rate: only
 * orders whose provider sends a commission figure earn one).
 *
 * @throws CommissionError `commission_settings_invalid` naming the merchant and the field.
 */
export function parseCommissionTerms(
  section: unknown,
  merchantId: string,
): CommissionTerms | undefined {
  if (section === undefined) return undefined;
  const path = `${merchantId}.commission`;
  if (typeof section !== 'object' || section === null || Array.isArray(section)) {
    throw new CommissionError('commission_settings_invalid', `${path}: must be an object`);
  }
  const entries = section as Readonly<Record<string, unknown>>;
  const unknown = Object.keys(entries).filter((key) => !KNOWN_KEYS.has(key));
  if (unknown.length > 0) {
    throw new CommissionError(
      'commission_settings_invalid',
      `${path}: unknown key(s) ${unknown.join(', ')} (expected defaultRate, productRates)`,
    );
  }
  const defaultRate = parseCommissionRate(entries.defaultRate, `${path}.defaultRate`);
  const products = entries.productRates ?? {};
  if (typeof products !== 'object' || products === null || Array.isArray(products)) {
    throw new CommissionError(
      'commission_settings_invalid',
      `${path}.productRates: must be an object of product id to rate`,
    );
  }
  const productRates = new Map(
    Object.entries(products).map(([productId, rate]) => [
      productId,
      parseCommissionRate(rate, `${path}.productRates.${productId}`),
    ]),
  );
  return { defaultRate, productRates };
}

/**
 * The commission terms of every merchant that has a `commission` section, validated at start
 * so a typo stops the service instead of silently paying nothing.
 */
export function commissionTermsOf(
  directory: MerchantDirectory,
): ReadonlyMap<string, CommissionTerms> {
  const terms = new Map<string, CommissionTerms>();
  for (const [merchantId, merchant] of directory) {
    const parsed = parseCommissionTerms(merchantSection(merchant, 'commission'), merchantId);
    if (parsed) terms.set(merchantId, parsed);
  }
  return terms;
}
