export { currencyExponent, isCurrencyCode } from './currencies';
export { parseMinorUnits, formatMinorUnits, mulDivRound } from './minor-units';
export { MoneyError, type MoneyErrorCode } from './money-error';
