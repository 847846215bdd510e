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

/** The steps of a cancellation redrive as read from `subscriptions.cancellations` (ADR 0019). */
export interface CancellationRedriveSeen {
  readonly operatorId: string;
  readonly reason: string;
  /** Its step event ids, in log order. */
  readonly eventIds: string[];
  /** How it ended so far: `SubscriptionCancelled` resolves the case. */
  outcome: 'pending' | 'cancelled' | { readonly failedWith: string };
}

/** A cancellation redrive as a resolution: effective (no refusal) only once cancelled. */
function cancellationRedrive(seen: CancellationRedriveSeen, orderKey: string): CaseResolution {
  const { outcome } = seen;
  return {
    commandId: seen.eventIds[0] ?? '',
    resolution: 'redrive',
    operatorId: seen.operatorId,
    reason: seen.reason,
    orderKey,
    eventIds: [...seen.eventIds],
    refusal:
      outcome === 'cancelled'
        ? null
        : outcome === 'pending'
          ? 'the cancellation is not confirmed yet'
          : `the cancellation failed again: ${outcome.failedWith}`,
  };
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
    r.refusal === null && (r.resolution === 'redrive' || r.eventIds.length > 0);
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
  cancellationRedrives: readonly CancellationRedriveSeen[] = [],
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
  for (const seen of cancellationRedrives)
    resolutions.push(cancellationRedrive(seen, base.orderKey));
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
