/**
 * The one error shape every Clawback package throws.
 *
 * `code` is stable (documented, safe to alert on and to write into a DLQ record); `retriable`
 * tells callers whether trying the same thing again can succeed, so retry loops never spin on
 * a bad input; `cause` keeps the underlying error for logs.
 */
export class ClawbackError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly retriable: boolean;

  constructor(code: Code, message: string, options: { retriable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // The subclass's own name (`LifecycleError`, …), so no subclass has to set it.
    this.name = new.target.name;
    this.code = code;
    this.retriable = options.retriable ?? false;
  }

  /** A plain object for structured logs and DLQ records. */
  toJSON(): { code: Code; message: string; retriable: boolean } {
    return { code: this.code, message: this.message, retriable: this.retriable };
  }
}

/** True when `error` is a ClawbackError, optionally with the given code. */
export function isClawbackError(error: unknown, code?: string): error is ClawbackError {
  return error instanceof ClawbackError && (code === undefined || error.code === code);
}

/** Whether retrying can help: ClawbackErrors say so themselves; unknown errors are not retried. */
export function isRetriable(error: unknown): boolean {
  return error instanceof ClawbackError && error.retriable;
}
