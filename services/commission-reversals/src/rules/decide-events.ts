import type { LifecycleEvent } from '@clawback/order-machine';
import type { CommissionTerms } from '../terms/commission-terms';
import type { CommissionAdjustment } from './commission-adjustment';
import type { CommissionState } from './commission-state';
import { decideCommission, type DecisionOutcome } from './decide-commission';

/** What a run of events decided. */
export interface DecidedEvents {
  /** In event order. */
  readonly adjustments: readonly CommissionAdjustment[];
  /** The latest state of every order the events changed, in order of first change. */
  readonly changed: ReadonlyMap<string, CommissionState>;
  /** One per event, in event order. */
  readonly outcomes: readonly DecisionOutcome[];
}

/**
 * Folds {@link decideCommission} over `events` (any orders, each order's in its own order),
 * starting from `states`, which is not modified: the caller applies `changed` once the
 * outputs are committed.
 */
export function decideEvents(
  states: ReadonlyMap<string, CommissionState>,
  events: readonly LifecycleEvent[],
  termsFor: (merchantId: string) => CommissionTerms | undefined,
): DecidedEvents {
  const changed = new Map<string, CommissionState>();
  const adjustments: CommissionAdjustment[] = [];
  const outcomes: DecisionOutcome[] = [];
  for (const event of events) {
    const before = changed.get(event.orderKey) ?? states.get(event.orderKey);
    const decision = decideCommission(before, event, termsFor(event.merchantId));
    if (decision.state !== before && decision.state !== undefined) {
      changed.set(event.orderKey, decision.state);
    }
    adjustments.push(...decision.adjustments);
    outcomes.push(decision.outcome);
  }
  return { adjustments, changed, outcomes };
}
