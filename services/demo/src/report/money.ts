import { formatMinorUnits } from '@clawback/money';

/** `12000, 'USD'` → `120.00 USD`. */
export const money = (minor: number, currency: string): string =>
  `${formatMinorUnits(minor, currency)} ${currency}`;

/** Like {@link money} without the code, for columns whose currency is said elsewhere. */
export const amount = (minor: number, currency: string): string =>
  formatMinorUnits(minor, currency);
