import type { CanonicalNotification, OperatorCommand } from '@clawback/notifications';
import { decide, type Decision } from '../decide';
import type { OrderState } from '../state/order-state';
import { ORDER } from './notifications';
import { OPTIONS } from './scenario';

let counter = 0;

/** An operator command on {@link ORDER} about `subject`; `overrides` win. Ids unique per call. */
export function operatorCommand(
  resolution: OperatorCommand['resolution'],
  subject: CanonicalNotification,
  overrides: Partial<OperatorCommand> = {},
): OperatorCommand {
  counter += 1;
  return {
    commandId: `op-${counter}`,
    resolution,
    caseId: `case-${counter}`,
    caseReason: 'over_refund',
    operatorId: 'alice',
    reason: 'checked with the provider',
    issuedAt: '2026-02-10T09:00:00.000Z',
    orderKey: `${ORDER.provider}:${ORDER.merchantId}:${ORDER.orderRef}`,
    provider: ORDER.provider,
    merchantId: ORDER.merchantId,
    orderRef: ORDER.orderRef,
    subjectNotificationId: subject.notificationId,
    subject: resolution === 'dismiss' ? null : subject,
    ...overrides,
  };
}

/** Decides one operator command on `state`. */
export function whenOperator(state: OrderState | undefined, command: OperatorCommand): Decision {
  return decide(state, { type: 'operator', command }, OPTIONS);
}
