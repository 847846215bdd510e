export { isCurrencyCode } from './currencies';
export { parseMinorUnits, formatMinorUnits, mulDivRound } from './minor-units';
