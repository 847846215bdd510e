import { ClawbackError } from '@clawback/errors';

/** Stable error codes of the config package. */
export type ConfigErrorCode = 'config_missing' | 'config_invalid';

/**
 * A missing or invalid environment variable. The message always starts with the variable's
 * name, so one line on stderr is enough for an operator to fix it. Never retriable: the same
 * environment fails the same way.
 */
export class ConfigError extends ClawbackError<ConfigErrorCode> {
  /** The offending environment variable. */
  readonly variable: string;

  constructor(code: ConfigErrorCode, variable: string, problem: string) {
    super(code, `${variable}: ${problem}`, { retriable: false });
    this.variable = variable;
  }
}

/** Shorthand for a required variable that is unset or blank. */
export function missing(variable: string, hint: string): ConfigError {
  return new ConfigError('config_missing', variable, `is required (${hint})`);
}

/** Shorthand for a variable whose value cannot be used. */
export function invalid(variable: string, problem: string): ConfigError {
  return new ConfigError('config_invalid', variable, problem);
}
