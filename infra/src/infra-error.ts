import { ClawbackError } from '@clawback/errors';

/** Stable error codes of the infra scripts. */
export type InfraErrorCode =
  | 'invalid_config'
  | 'java_not_found'
  | 'download_failed'
  | 'format_failed'
  | 'start_failed'
  | 'not_ready'
  | 'stop_failed'
  | 'unknown_command';

/**
 * Thrown by `infra:up|down|status`. `logFile` names the log whose tail explains the failure,
 * so the CLI can print it.
 */
export class InfraError extends ClawbackError<InfraErrorCode> {
  readonly logFile: string | undefined;

  constructor(
    code: InfraErrorCode,
    message: string,
    options: { retriable?: boolean; cause?: unknown; logFile?: string } = {},
  ) {
    super(code, message, options);
    this.logFile = options.logFile;
  }
}
