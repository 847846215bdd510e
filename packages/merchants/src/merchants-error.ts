import { ClawbackError } from '@clawback/errors';

/** Stable error codes of the merchants package. */
export type MerchantsErrorCode =
  | 'merchants_file_unreadable'
  | 'merchants_file_not_json'
  | 'merchants_config_invalid'
  | 'merchant_secret_env_unset';

/**
 * A merchants file that cannot be used. Raised at start, so a service refuses to run with a
 * configuration it would misread. `path` names the offending entry (e.g. `m1.kartra.secretKey`)
 * and never contains a secret value. Never retriable: the file has to be fixed.
 */
export class MerchantsError extends ClawbackError<MerchantsErrorCode> {
  /** Dotted path of the offending entry; empty for the file as a whole. */
  readonly path: string;

  constructor(code: MerchantsErrorCode, path: string, message: string, cause?: unknown) {
    super(code, path === '' ? message : `${path}: ${message}`, { retriable: false, cause });
    this.path = path;
  }
}
