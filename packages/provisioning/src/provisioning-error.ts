import { ClawbackError } from '@clawback/errors';

/** Stable error codes of the provisioning package. */
export type ProvisioningErrorCode = 'schema_for_unknown_topic';

/** A provisioning input that cannot be right, e.g. a schema file named after no topic. */
export class ProvisioningError extends ClawbackError<ProvisioningErrorCode> {
  constructor(code: ProvisioningErrorCode, message: string) {
    super(code, message, { retriable: false });
  }
}
