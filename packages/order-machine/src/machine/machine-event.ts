import type { CanonicalNotification, NotificationKind } from '@clawback/notifications';
import type { Rejection } from '../rules/rejection-reason';
import { OrderMachineError } from '../order-machine-error';

/** A screened notification, typed by its kind so the machine's transitions read as the rules. */
type NotificationEvent = {
  readonly [K in NotificationKind]: {
    readonly type: K;
    readonly notification: CanonicalNotification;
  };
}[NotificationKind];

/** A notification screening already rejected (duplicates never reach the machine). */
interface RejectedEvent {
  readonly type: 'rejected';
  readonly notification: CanonicalNotification;
  readonly rejection: Rejection;
}

/** Provider time has reached `watermarkMs`: parked notifications older than the horizon expire. */
interface WatermarkEvent {
  readonly type: 'watermark';
  readonly watermarkMs: number;
  readonly horizonMs: number;
}

/** Everything the order machine reacts to. */
export type MachineEvent = NotificationEvent | RejectedEvent | WatermarkEvent;

/** The notification an event carries; the watermark carries none. */
export function notificationOf(event: MachineEvent): CanonicalNotification {
  if (event.type === 'watermark')
    throw new OrderMachineError('invalid_input', 'a watermark carries no notification');
  return event.notification;
}
