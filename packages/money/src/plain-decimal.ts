const DOT = 0x2e;
const MINUS = 0x2d;
const PLUS = 0x2b;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * The minor units of a plain decimal ("-12.30", "1500", "+0.5") read in one pass over its
 * characters, or `undefined` for anything else: blanks, more decimals than `exponent`, more
 * than 15 digits, or any error. Amounts are parsed for every notification, and these are what
 * providers send; `parseMinorUnits` keeps the full rules (and the errors) for the rest and
 * returns the same value for every text this accepts (property-tested).
 */
export function plainMinorUnits(text: string, exponent: number): number | undefined {
  const length = text.length;
  const first = length > 0 ? text.charCodeAt(0) : 0;
  const signed = first === MINUS || first === PLUS;
  let value = 0;
  let wholeDigits = 0;
  let decimals = -1;
  for (let i = signed ? 1 : 0; i < length; i++) {
    const char = text.charCodeAt(i);
    if (char === DOT) {
      if (decimals >= 0 || wholeDigits === 0) return undefined;
      decimals = 0;
      continue;
    }
    if (char < ZERO || char > NINE) return undefined;
    if (decimals >= 0 && ++decimals > exponent) return undefined;
    if (decimals < 0) wholeDigits++;
    // At most 15 digits, so `value` stays an exact integer below 2^53.
    if (wholeDigits + Math.max(decimals, 0) > 15) return undefined;
    value = value * 10 + (char - ZERO);
  }
  if (wholeDigits === 0) return undefined;
  for (let scale = Math.max(decimals, 0); scale < exponent; scale++) value *= 10;
  // Each step is exact while below 2^53; past that, let the full parser say "out of range".
  if (!Number.isSafeInteger(value)) return undefined;
  return first === MINUS && value !== 0 ? -value : value;
}
