import {
  encodeOperatorCommand,
  isProviderName,
  operatorCommandSubject,
  type OperatorCommandBody,
  type RawNotificationRecord,
} from '@clawback/notifications';
import { resolutionFits } from '@clawback/order-machine';
import { AdminError } from '../admin-error';
import type { Case } from '../cases/case';
import type { ResolutionRequest } from './resolution-request';

/** What a resolution writes: command records for `payments.notifications.raw`, in order. */
export interface ResolutionPlan {
  readonly commandId: string;
  /** The order the command is keyed by (the attach target, else the case's order). */
  readonly orderKey: string;
  readonly records: readonly RawNotificationRecord[];
}

/** Everything a plan is made from; I/O (ids, clock, the raw log) comes in as values. */
export interface PlanInputs {
  readonly case: Case;
  readonly request: ResolutionRequest;
  readonly operatorId: string;
  /** The raw record of the case's notification, if the raw topic still has it. */
  readonly subject: RawNotificationRecord | undefined;
  readonly nowMs: number;
  readonly newCommandId: () => string;
}

const refuse = (message: string): never => {
  throw new AdminError('resolution_not_allowed', message);
};

/** `{provider, merchantId}` of a usable order key, or `null`. */
function orderOf(orderKey: string): { provider: string; merchantId: string } | null {
  const [provider = '', merchantId = '', ...ref] = orderKey.split(':');
  if (!isProviderName(provider) || merchantId === '' || ref.join(':') === '') return null;
  return { provider, merchantId };
}

/**
 * The command records of a resolution (ADR 0014), or why it does not fit, decided before
 * anything is written: the case must be open, the resolution must fit its reason
 * (`resolutionFits`, the table of docs/order-lifecycle.md), `apply` and `attach` need the
 * original notification, and an attach goes to another order of the same provider and
 * merchant. Attaching an overdue (still parked) notification also writes a `dismiss` on its
 * own order, so the parked copy never applies there as well.
 *
 * @throws AdminError `resolution_not_allowed`.
 */
export function planResolution(inputs: PlanInputs): ResolutionPlan {
  const { case: c, request } = inputs;
  if (c.status !== 'open') refuse(`case ${c.caseId} is ${c.status}, not open`);
  if (!resolutionFits(request.resolution, c.reasonCode))
    refuse(`${request.resolution} does not fit a case of reason ${c.reasonCode}`);
  const own = orderOf(c.orderKey) ?? refuse(`${c.orderKey} is not an order key; redrive instead`);
  const target = request.resolution === 'attach' ? request.orderKey! : c.orderKey;
  if (request.resolution === 'attach') {
    const to = orderOf(target);
    if (to === null || to.provider !== own.provider || to.merchantId !== own.merchantId)
      refuse(`${target} is not an order of ${own.provider} merchant ${own.merchantId}`);
    if (target === c.orderKey) refuse(`the notification is already on ${target}`);
  }
  const subject =
    request.resolution === 'dismiss'
      ? null
      : (inputs.subject ?? refuse(`notification ${c.subjectId} is no longer in the raw log`));
  const command = (resolution: OperatorCommandBody['resolution'], caseId: string) => ({
    version: 1 as const,
    commandId: inputs.newCommandId(),
    resolution,
    caseId,
    caseReason: c.reasonCode,
    operatorId: inputs.operatorId,
    reason: request.reason,
    issuedAt: new Date(inputs.nowMs).toISOString(),
    subjectNotificationId: c.subjectId,
    subject: resolution === 'dismiss' || subject === null ? null : operatorCommandSubject(subject),
  });
  const main = command(request.resolution, c.caseId);
  const records = [
    encodeOperatorCommand(main, { orderKey: target, merchantId: own.merchantId }, inputs.nowMs),
  ];
  if (request.resolution === 'attach' && c.kind === 'overdue') {
    // Its own id, so the case's status follows the attach, not this release.
    const release = command('dismiss', `${c.caseId}/release`);
    records.push(
      encodeOperatorCommand(
        release,
        { orderKey: c.orderKey, merchantId: own.merchantId },
        inputs.nowMs,
      ),
    );
  }
  return { commandId: main.commandId, orderKey: target, records };
}
