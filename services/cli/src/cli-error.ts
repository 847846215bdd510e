import { ClawbackError } from '@clawback/errors';

/**
 * Stable error codes of the `clawback` CLI, one per exit status (docs/operations.md):
 * - `usage` (exit 1): the command line cannot be run; the message names the problem.
 * - `refused` (exit 2): the admin API answered 4xx (or the lifecycle refused a resolution).
 * - `unreachable` (exit 3): no answer, a 5xx, or an answer that is not the API's JSON.
 * - `timed_out` (exit 4): the resolution was accepted but its outcome did not show in time.
 */
export type CliErrorCode = 'usage' | 'refused' | 'unreachable' | 'timed_out';

const EXIT_CODES: Readonly<Record<CliErrorCode, number>> = {
  usage: 1,
  refused: 2,
  unreachable: 3,
  timed_out: 4,
};

/** A failure of the CLI; `unreachable` and `timed_out` may succeed when run again. */
export class CliError extends ClawbackError<CliErrorCode> {
  /** The API's stable error code, when the API answered with one. */
  readonly apiError: string | undefined;

  constructor(
    code: CliErrorCode,
    message: string,
    options: { readonly cause?: unknown; readonly apiError?: string } = {},
  ) {
    super(code, message, {
      retriable: code === 'unreachable' || code === 'timed_out',
      cause: options.cause,
    });
    this.name = 'CliError';
    this.apiError = options.apiError;
  }

  /** The process exit status for this failure. */
  get exitCode(): number {
    return EXIT_CODES[this.code];
  }
}

/** True when `error` is a {@link CliError}, optionally with the given code. */
export function isCliError(error: unknown, code?: CliErrorCode): error is CliError {
  return error instanceof CliError && (code === undefined || error.code === code);
}
