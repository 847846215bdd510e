import { ClawbackError } from '@clawback/errors';

/** Stable error codes of the demo. */
export type DemoErrorCode =
  | 'demo_arguments_invalid'
  | 'demo_infra_failed'
  | 'demo_service_failed'
  | 'demo_step_refused'
  | 'demo_timed_out'
  | 'demo_nothing_to_stop';

/**
 * A demo failure, with the log file to show when a service is to blame. Never retriable: the
 * demo is run again by a person, after reading the message.
 */
export class DemoError extends ClawbackError<DemoErrorCode> {
  /** The log of the process that failed, when one did. */
  readonly logFile: string | undefined;

  constructor(
    code: DemoErrorCode,
    message: string,
    options: { readonly logFile?: string; readonly cause?: unknown } = {},
  ) {
    super(code, message, { retriable: false, cause: options.cause });
    this.logFile = options.logFile;
  }
}
