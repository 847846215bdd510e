/**
 * ISO 4217 minor-unit exponents. Currencies not listed here use 2, the ISO default for most
 * active codes; the ones listed are every active code whose exponent is not 2.
 */
const EXPONENT_EXCEPTIONS: Readonly<Record<string, number>> = {
  // zero decimals
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  // three decimals
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  // four decimals
  CLF: 4,
  UYW: 4,
};

/** Matches a syntactically valid ISO 4217 alphabetic code. */
const CODE = /^[A-Z]{3}$/;

/** True for a three-letter upper-case code. */
export function isCurrencyCode(code: string): boolean {
  return CODE.test(code);
}

/** Number of decimal places of `currency`'s minor unit (JPY 0, USD 2, BHD 3). */
export function currencyExponent(currency: string): number {
  return EXPONENT_EXCEPTIONS[currency] ?? 2;
}
