import { formatMinorUnits, isCurrencyCode } from '@clawback/money';

/**
 * Minor units with their currency in its own exponent: `10000, 'USD'` → `100.00 USD`,
 * `500, 'JPY'` → `500 JPY`. A code the money package does not know is printed as minor units
 * and says so, rather than guessing two decimals.
 */
export function money(
  minor: number | null | undefined,
  currency: string | null | undefined,
): string {
  if (minor === null || minor === undefined) return '';
  if (currency === null || currency === undefined || currency === '')
    return `${minor} (minor units)`;
  if (!isCurrencyCode(currency) || !Number.isSafeInteger(minor)) {
    return `${minor} ${currency} (minor units)`;
  }
  return `${formatMinorUnits(minor, currency)} ${currency}`;
}
