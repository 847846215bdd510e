import { ClawbackError } from '@clawback/errors';

/**
 * Stable codes of a webhook that fails verification. Receivers answer all of them with 400 or
 * 401 and do nothing else; none is retriable (the same request fails the same way again).
 *
 * - `signature_header_missing`: no `Clawback-Signature` header.
 * - `signature_header_malformed`: the header is not `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`.
 * - `signature_timestamp_out_of_tolerance`: `t` is further from now than the tolerance
 *   (a replay of an old request, or a badly wrong clock).
 * - `signature_mismatch`: no `v1` matches any of the secrets: wrong secret or altered body.
 */
export type WebhookSignatureErrorCode =
  | 'signature_header_missing'
  | 'signature_header_malformed'
  | 'signature_timestamp_out_of_tolerance'
  | 'signature_mismatch';

/** Why a webhook was refused. */
export class WebhookSignatureError extends ClawbackError<WebhookSignatureErrorCode> {
  constructor(code: WebhookSignatureErrorCode, message: string) {
    super(code, message, { retriable: false });
  }
}
