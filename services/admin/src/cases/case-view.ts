import type { OperatorCommandBody } from '@clawback/notifications';
import type { OrderLifecycleEvent } from '@clawback/order-machine';
import type { Case, CaseResolution, CaseStatus } from './case';

/** What the book knows about a case before its resolutions are joined in. */
export type CaseBase = Omit<Case, 'status' | 'resolutions' | 'amounts'> & {
  readonly currency: string | null;
  readonly amount: number | null;
  /** Kafka time of the first record that opened it, epoch ms (for the age metric). */
  readonly openedAtMs: number;
};

/** An operator command as read from the raw topic, with the order it was keyed by. */
export interface CommandSeen {
  readonly body: OperatorCommandBody;
  readonly orderKey: string;
}

/** A redrive as read from the raw topic. */
export interface RedriveSeen {
  readonly operatorId: string;
  readonly reason: string;
  readonly partition: number;
  readonly offset: string;
}

const MONEY_APPLIED = ['RefundApplied', 'ChargebackLost', 'PaymentDenied', 'OrderPaid'];

function resolutionOf(
  command: CommandSeen,
  outcome: readonly OrderLifecycleEvent[],
): CaseResolution {
  const refused = outcome.find((e) => e.type === 'NotificationRejected');
  return {
    commandId: command.body.commandId,
    resolution: command.body.resolution,
    operatorId: command.body.operatorId,
    reason: command.body.reason,
    orderKey: command.orderKey,
    eventIds: outcome.map((e) => e.eventId),
    refusal: refused === undefined ? null : (refused.detail ?? refused.reason ?? 'refused'),
  };
}

function statusOf(resolutions: readonly CaseResolution[]): CaseStatus {
  if (resolutions.some((r) => r.resolution === 'dismiss')) return 'dismissed';
  const effective = (r: CaseResolution) =>
    r.resolution === 'redrive' || (r.refusal === null && r.eventIds.length > 0);
  return resolutions.some(effective) ? 'resolved' : 'open';
}

/**
 * A case as shown: its base joined with the commands that name it, the events those caused and
 * its redrives. Computed at read time so the fold never depends on which topic was read first.
 */
export function caseView(
  base: CaseBase,
  commands: readonly CommandSeen[],
  outcomes: ReadonlyMap<string, readonly OrderLifecycleEvent[]>,
  redrives: readonly RedriveSeen[],
): Case & { readonly openedAtMs: number } {
  const resolutions: CaseResolution[] = commands.map((c) =>
    resolutionOf(c, outcomes.get(c.body.commandId) ?? []),
  );
  for (const redrive of redrives)
    resolutions.push({
      commandId: `redrive-${redrive.partition}-${redrive.offset}`,
      resolution: 'redrive',
      operatorId: redrive.operatorId,
      reason: redrive.reason,
      orderKey: base.orderKey,
      eventIds: [],
      refusal: null,
    });
  const applied = commands
    .flatMap((c) => outcomes.get(c.body.commandId) ?? [])
    .filter((e) => MONEY_APPLIED.includes(e.type))
    .reduce((sum, e) => sum + (e.amount ?? 0), 0);
  const { currency, amount, ...rest } = base;
  return {
    ...rest,
    amounts: {
      currency,
      amount,
      applied,
      excess: amount === null || applied === 0 ? null : amount - applied,
    },
    status: statusOf(resolutions),
    resolutions,
  };
}
