import { currencyExponent, isCurrencyCode } from './currencies';
import { MoneyError } from './money-error';
import { plainMinorUnits } from './plain-decimal';

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?$/;

/**
 * Parses a decimal string ("12.34", "-0.5", "1000") into integer minor units of `currency`,
 * without ever going through a float. Trailing zeros beyond the currency's exponent are
 * accepted ("12.340" USD); significant digits beyond it are an error, never rounded away.
 */
export function parseMinorUnits(text: string, currency: string): number {
  if (!isCurrencyCode(currency))
    throw new MoneyError('invalid_currency', `not an ISO 4217 code: "${currency}"`);
  const plain = plainMinorUnits(text, currencyExponent(currency));
  if (plain !== undefined) return plain;
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new MoneyError('invalid_amount', `not a decimal amount: "${text}"`);
  const [, sign, whole = '', fraction = ''] = match;
  const exponent = currencyExponent(currency);
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) {
    throw new MoneyError(
      'too_many_decimals',
      `"${text}" has more decimals than ${currency} allows (${exponent})`,
    );
  }
  const digits = (whole + significant.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) {
    throw new MoneyError('amount_out_of_range', `"${text}" ${currency} is out of range`);
  }
  return sign === '-' && value !== 0 ? -value : value;
}

/** Formats integer minor units as a decimal string in the currency's exponent ("-12.30"). */
export function formatMinorUnits(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor))
    throw new MoneyError('invalid_amount', `not an integer amount: ${minor}`);
  const exponent = currencyExponent(currency);
  const digits = Math.abs(minor)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${minor < 0 ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`;
}

/**
 * `round(value * numerator / denominator)` on integers, half away from zero, exact for any
 * safe-integer inputs (BigInt inside so the product cannot lose precision).
 */
export function mulDivRound(value: number, numerator: number, denominator: number): number {
  if (denominator === 0) throw new MoneyError('invalid_amount', 'division by zero');
  const product = BigInt(value) * BigInt(numerator);
  const d = BigInt(denominator);
  const negative = product < 0n !== d < 0n;
  const p = product < 0n ? -product : product;
  const q = d < 0n ? -d : d;
  const rounded = (p * 2n + q) / (q * 2n);
  const result = Number(negative ? -rounded : rounded);
  if (!Number.isSafeInteger(result))
    throw new MoneyError('amount_out_of_range', 'result out of range');
  return result;
}
