import { ClawbackError } from '@clawback/errors';

/** Stable error codes of the admin API; each is the `error` field of the JSON answer. */
export type AdminErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'invalid_request'
  | 'resolution_not_allowed'
  | 'not_ready'
  | 'write_failed'
  | 'topics_missing'
  | 'internal_error';

/** The HTTP status of each code (docs/operations.md, "Errors"). */
export const ADMIN_STATUS_OF: { readonly [C in AdminErrorCode]: number } = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid_request: 400,
  resolution_not_allowed: 409,
  not_ready: 503,
  write_failed: 503,
  /** At start, not an HTTP answer: the service does not start. */
  topics_missing: 503,
  internal_error: 500,
};

/** Why the admin API refused a request. Retriable exactly when it answers 503. */
export class AdminError extends ClawbackError<AdminErrorCode> {
  constructor(code: AdminErrorCode, message: string, cause?: unknown) {
    super(code, message, { retriable: ADMIN_STATUS_OF[code] === 503, cause });
    this.name = 'AdminError';
  }

  /** The HTTP status to answer with. */
  get status(): number {
    return ADMIN_STATUS_OF[this.code];
  }
}

/** True when `error` is an {@link AdminError}. */
export const isAdminError = (error: unknown): error is AdminError => error instanceof AdminError;
