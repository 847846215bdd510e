import { CommissionError } from '../commission-error';

/** A commission rate as an exact fraction: `numerator / denominator`, between 0 and 1. */
export interface CommissionRate {
  /** As configured, e.g. `"0.30"`. */
  readonly text: string;
  readonly numerator: number;
  /** A power of ten: 10^(decimals written). */
  readonly denominator: number;
}

const RATE = /^(0|1)(?:\.(\d{1,6}))?$/;

/**
 * Parses a configured rate: a decimal STRING from `"0"` to `"1"` with at most six decimals
 * (`"0.30"`, `"0.125"`), into an exact fraction, so commission maths never touches a float.
 * JSON numbers are refused: `0.3` has no exact binary value and the file should say so.
 *
 * @throws CommissionError `commission_settings_invalid` naming `path`.
 */
export function parseCommissionRate(value: unknown, path: string): CommissionRate {
  if (typeof value !== 'string') {
    throw new CommissionError(
      'commission_settings_invalid',
      `${path}: a rate must be a decimal string such as "0.30", not ${JSON.stringify(value)}`,
    );
  }
  const match = RATE.exec(value.trim());
  const whole = match?.[1];
  const decimals = match?.[2] ?? '';
  if (whole === undefined || (whole === '1' && /[1-9]/.test(decimals))) {
    throw new CommissionError(
      'commission_settings_invalid',
      `${path}: "${value}" is not a rate from "0" to "1" with at most 6 decimals`,
    );
  }
  return {
    text: value.trim(),
    numerator: Number(whole + decimals),
    denominator: 10 ** decimals.length,
  };
}
