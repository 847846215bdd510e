import { ClawbackError } from '@clawback/errors';

/**
 * Stable error codes of the providers package. None is retriable: the same bytes give the
 * same error every time, so the ingress answers 400 and the lifecycle dead-letters the record.
 *
 * - `malformed_body`: the body cannot be read as the provider's format at all (empty, not
 *   JSON, a scalar form field sent twice so the signed value is ambiguous, …).
 * - `unsupported_content_type`: a content type the provider never sends.
 * - `missing_field`: a field the adapter needs is absent or empty.
 * - `invalid_field`: a field is present but not of the documented shape (e.g. an order ref).
 * - `invalid_amount`: an amount that is not an exact decimal in the currency's minor units.
 * - `invalid_currency`: not an ISO 4217 code.
 * - `invalid_date`: a date that does not match the provider's format or calendar. (A readable
 *   date that is merely implausible, year 9999 or 1970, is no error: ADR 0020.)
 */
export type ProvidersErrorCode =
  | 'malformed_body'
  | 'unsupported_content_type'
  | 'missing_field'
  | 'invalid_field'
  | 'invalid_amount'
  | 'invalid_currency'
  | 'invalid_date';

/** The only error the adapters throw; `field` names the offending field when there is one. */
export class ProvidersError extends ClawbackError<ProvidersErrorCode> {
  readonly field: string | undefined;

  constructor(
    code: ProvidersErrorCode,
    message: string,
    options: { field?: string; cause?: unknown } = {},
  ) {
    super(code, message, { retriable: false, cause: options.cause });
    this.field = options.field;
  }
}
