import { isClawbackError } from '@clawback/errors';
import { isCurrencyCode, parseMinorUnits } from '@clawback/money';
import { ProvidersError } from '../providers-error';

/** Validates and upper-cases an ISO 4217 code read from `field`. */
export function currencyOf(text: string, field: string): string {
  const code = text.trim().toUpperCase();
  if (!isCurrencyCode(code)) {
    throw new ProvidersError('invalid_currency', `"${text}" in ${field} is not an ISO 4217 code`, {
      field,
    });
  }
  return code;
}

/**
 * Parses a provider decimal ("-12.30") into signed integer minor units of `currency`, without
 * floats; any money error becomes `invalid_amount` naming the field.
 */
export function signedMinorUnits(text: string, currency: string, field: string): number {
  try {
    return parseMinorUnits(text, currency);
  } catch (error) {
    if (!isClawbackError(error)) throw error;
    throw new ProvidersError('invalid_amount', `${field}: ${error.message}`, {
      field,
      cause: error,
    });
  }
}

/** Parses an integer count ("2", "-1"); `invalid_field` otherwise. */
export function integerOf(text: string, field: string): number {
  const trimmed = text.trim();
  const value = /^[+-]?\d{1,15}$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isSafeInteger(value)) {
    throw new ProvidersError('invalid_field', `${field}: "${text}" is not an integer`, { field });
  }
  return value === 0 ? 0 : value;
}

/** `|a * b|` for integer minor units and quantities, refusing results beyond safe integers. */
export function timesQuantity(amount: number, quantity: number, field: string): number {
  const product = Math.abs(amount) * Math.abs(quantity);
  if (!Number.isSafeInteger(product)) {
    throw new ProvidersError('invalid_amount', `${field}: line total out of range`, { field });
  }
  return product;
}
