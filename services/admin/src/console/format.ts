import { maskText } from '@clawback/logging';
import { formatMinorUnits } from '@clawback/money';

/**
 * `"24.00 USD"`: minor units in the currency's own number of digits (ISO 4217 exponent,
 * `formatMinorUnits`); a code the money package does not know shows its minor units as such.
 */
export function money(minor: number | null | undefined, currency: string | null | undefined) {
  if (minor === null || minor === undefined) return '—';
  if (currency === null || currency === undefined || currency === '')
    return `${minor} (minor units)`;
  try {
    return `${formatMinorUnits(minor, currency)} ${currency}`;
  } catch {
    return `${minor} minor units of ${currency}`;
  }
}

/** Free text from a provider or a log with personal data masked as in the logs. */
export const masked = (text: string | null | undefined): string =>
  text === null || text === undefined ? '' : maskText(text);

/** An ISO time as `2026-03-02 09:15:00Z`, short enough for tables. */
export const when = (iso: string): string => iso.replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
