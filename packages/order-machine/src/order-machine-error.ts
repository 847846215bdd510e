import { ClawbackError } from '@clawback/errors';

/**
 * Stable error codes of the order machine. These are caller mistakes, never order facts (those
 * become `NotificationRejected` events), so none is retriable.
 *
 * - `unplaceable_notification`: no notification id or no valid provider time; dead-letter it.
 * - `invalid_state`: a persisted state that is not an {@link OrderState} of this machine.
 * - `missing_state`: a watermark tick for an order without state.
 * - `invalid_input`: a watermark or option that is not usable (e.g. negative horizon).
 * - `invalid_record`: an Avro record that does not hold a valid event or state.
 */
export type OrderMachineErrorCode =
  | 'unplaceable_notification'
  | 'invalid_state'
  | 'missing_state'
  | 'invalid_input'
  | 'invalid_record';

/** Thrown when an input cannot be decided on at all, or a record cannot be mapped. */
export class OrderMachineError extends ClawbackError<OrderMachineErrorCode> {
  constructor(code: OrderMachineErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, { retriable: false, ...options });
  }
}
