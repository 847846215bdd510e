import type { CanonicalNotification, OperatorCommand } from '@clawback/notifications';
import { PROVIDER_TIME_WARNING_CODE } from '../rules/provider-time';
import type { Rejection } from '../rules/rejection-reason';
import { emptyOrderState, remainingOf, type OrderState } from '../state/order-state';
import { isParked } from './parking';
import { settle } from './settle';

/**
 * What the machine does with an operator command (ADR 0014), decided before the xstate machine
 * runs: nothing (a duplicate), record it (dismiss), dispatch a notification derived from the
 * subject under the command id (apply, attach), or refuse it as `NotificationRejected`.
 */
export type OperatorPlan =
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'recorded'; readonly state: OrderState }
  | {
      readonly kind: 'dispatch';
      readonly state: OrderState;
      readonly notification: CanonicalNotification;
    }
  | {
      readonly kind: 'refused';
      readonly state: OrderState;
      readonly cause: CanonicalNotification;
      readonly rejection: Rejection;
    };

/** Case reasons whose refund `apply` takes as the remainder, scope `unspecified`. */
const AS_REMAINDER = [
  'over_refund',
  'total_refund_after_partial',
  'second_total_refund',
  'total_refund_amount_mismatch',
];
/** Case reasons whose refund `apply` takes by amount only, without its lines. */
const BY_AMOUNT = ['over_refund_quantity', 'unknown_line'];
// No case reason is simply retried: lateness no longer rejects a fact (an overdue notification
// stays parked and applies with its sale), so retrying an `orphan` rejection of an older log
// could apply a fact twice; such cases are attached or dismissed instead. Nor does `apply` fit
// `provider_time_implausible` (ADR 0020): that fact was applied already, at its receipt; the
// case is only acknowledged (`dismiss`).

/** The case reasons each resolution fits (docs/order-lifecycle.md, "Operator resolutions"). */
const RESOLUTION_FITS: Readonly<Record<OperatorCommand['resolution'], readonly string[]>> = {
  apply: [...AS_REMAINDER, ...BY_AMOUNT],
  attach: ['orphan', 'overdue'],
  dismiss: ['*'],
};

/** True when `resolution` may resolve a case with `caseReason`. */
export function resolutionFits(resolution: OperatorCommand['resolution'], caseReason: string) {
  const fits = RESOLUTION_FITS[resolution];
  return fits.includes('*') || fits.includes(caseReason);
}

/** The command's events' cause: the subject's facts under the command's id and order. */
function causeOf(state: OrderState, command: OperatorCommand): CanonicalNotification {
  const subject = command.subject;
  return {
    notificationId: command.commandId,
    provider: state.provider,
    merchantId: state.merchantId,
    orderRef: state.orderRef,
    orderKey: state.orderKey,
    kind: subject?.kind ?? 'unsupported',
    ...(subject?.refundScope === undefined ? {} : { refundScope: subject.refundScope }),
    occurredAt: subject?.occurredAt ?? command.issuedAt,
    currency: subject?.currency ?? state.currency ?? 'XXX',
    amount: subject?.amount ?? 0,
    lines: subject?.lines ?? [],
    ...(subject?.affiliate === undefined ? {} : { affiliate: subject.affiliate }),
    subscriptionRefs: subject?.subscriptionRefs ?? [],
    ...(subject?.reason === undefined ? {} : { reason: subject.reason }),
    providerStatus: subject?.providerStatus ?? `operator:${command.resolution}`,
    test: subject?.test ?? false,
  };
}

const refused = (state: OrderState, command: OperatorCommand, detail: string): OperatorPlan => ({
  kind: 'refused',
  state,
  cause: causeOf(state, command),
  rejection: { reason: 'invalid_transition', detail: `operator ${command.resolution}: ${detail}` },
});

/** The refund `apply` dispatches for a case reason, or why it cannot. */
function appliedFact(state: OrderState, command: OperatorCommand): CanonicalNotification | string {
  const cause = causeOf(state, command);
  if (cause.kind !== 'refund') return `a ${cause.kind} is not a refund`;
  if (BY_AMOUNT.includes(command.caseReason)) return { ...cause, lines: [] };
  const remaining = remainingOf(state);
  if (remaining <= 0) return 'nothing is left to refund';
  const amount = Math.min(cause.amount, remaining);
  const lines = amount === cause.amount ? cause.lines : [];
  return { ...cause, refundScope: 'unspecified', amount, lines };
}

function planApply(state: OrderState, command: OperatorCommand): OperatorPlan {
  const subjectId = command.subjectNotificationId;
  if (!state.seenNotificationIds.includes(subjectId))
    return refused(state, command, `${subjectId} was never seen on ${state.orderKey}`);
  if (state.parked.some((p) => p.notificationId === subjectId))
    return refused(state, command, `${subjectId} is still parked; attach it or wait for its sale`);
  const fact = appliedFact(state, command);
  if (typeof fact === 'string') return refused(state, command, fact);
  return { kind: 'dispatch', state, notification: fact };
}

function planAttach(state: OrderState, command: OperatorCommand): OperatorPlan {
  const subject = command.subject;
  if (subject === null) return refused(state, command, 'no notification to attach');
  if (subject.provider !== state.provider || subject.merchantId !== state.merchantId)
    return refused(state, command, `${subject.orderKey} is another provider's or merchant's`);
  if (state.seenNotificationIds.includes(subject.notificationId))
    return refused(state, command, `${subject.notificationId} is already on ${state.orderKey}`);
  const remembered = {
    ...state,
    seenNotificationIds: [...state.seenNotificationIds, subject.notificationId],
  };
  return { kind: 'dispatch', state: remembered, notification: causeOf(state, command) };
}

/**
 * Records a dismissal: the command is seen and a parked subject leaves the queue, unless the
 * dismissal only acknowledges its provider time (ADR 0020): that fact still waits for its sale.
 */
function planDismiss(state: OrderState, command: OperatorCommand): OperatorPlan {
  const subjectId = command.subjectNotificationId;
  const acknowledgement = command.caseReason === PROVIDER_TIME_WARNING_CODE;
  const parked = acknowledgement
    ? undefined
    : state.parked.find((p) => p.notificationId === subjectId);
  const released = parked !== undefined && isParked(state, parked) ? settle(state, parked) : state;
  return {
    kind: 'recorded',
    state: {
      ...released,
      seenNotificationIds: [...released.seenNotificationIds, command.commandId],
    },
  };
}

/**
 * Plans an operator command on its target order (`undefined` before the order's first record).
 * Pure: every input is the command as read from the log and the order's state.
 */
export function planOperatorCommand(
  current: OrderState | undefined,
  command: OperatorCommand,
): OperatorPlan {
  const state = current ?? emptyOrderState(command);
  if (state.seenNotificationIds.includes(command.commandId)) return { kind: 'duplicate' };
  if (command.orderKey !== state.orderKey)
    return refused(state, command, `for ${command.orderKey}, not ${state.orderKey}`);
  if (!resolutionFits(command.resolution, command.caseReason))
    return refused(state, command, `does not fit a case of reason ${command.caseReason}`);
  if (command.resolution === 'dismiss') return planDismiss(state, command);
  if (command.resolution === 'attach') return planAttach(state, command);
  return planApply(state, command);
}
