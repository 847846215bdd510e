import { ClawbackError } from '@clawback/errors';

/** Stable error codes of the money package. */
export type MoneyErrorCode =
  'invalid_amount' | 'invalid_currency' | 'too_many_decimals' | 'amount_out_of_range';

/** Thrown when an amount or a currency cannot be represented exactly. Never retriable. */
export class MoneyError extends ClawbackError<MoneyErrorCode> {
  constructor(code: MoneyErrorCode, message: string) {
    super(code, message, { retriable: false });
  }
}
