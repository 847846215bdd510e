import { ClawbackError } from '@clawback/errors';

/**
 * Stable error codes of the ingress; each is also the `error.code` of the JSON answer, so
 * providers' support staff and merchants can search for them.
 */
export type IngressErrorCode =
  | 'unknown_provider'
  | 'unknown_merchant'
  | 'invalid_signature'
  | 'checksum_reused'
  | 'source_not_allowed'
  | 'malformed_notification'
  | 'body_too_large'
  | 'kafka_unavailable'
  | 'shutting_down'
  | 'route_not_found'
  | 'bad_request'
  | 'url_too_long'
  | 'headers_too_large'
  | 'request_timeout'
  | 'internal_error';

/** The HTTP status of each code: the contract in DESIGN.md, "Public HTTP contract". */
export const STATUS_OF: { readonly [C in IngressErrorCode]: number } = {
  unknown_provider: 404,
  unknown_merchant: 404,
  invalid_signature: 401,
  checksum_reused: 409,
  source_not_allowed: 403,
  malformed_notification: 400,
  body_too_large: 413,
  kafka_unavailable: 503,
  shutting_down: 503,
  route_not_found: 404,
  bad_request: 400,
  url_too_long: 414,
  headers_too_large: 431,
  request_timeout: 408,
  internal_error: 500,
};

/**
 * Why the ingress refused a notification. Retriable exactly when the provider should send it
 * again later (Kafka unavailable, shutting down): those answers carry `Retry-After`.
 */
export class IngressError extends ClawbackError<IngressErrorCode> {
  constructor(code: IngressErrorCode, message: string, cause?: unknown) {
    super(code, message, { retriable: STATUS_OF[code] === 503, cause });
  }

  /** The HTTP status to answer with. */
  get status(): number {
    return STATUS_OF[this.code];
  }
}
