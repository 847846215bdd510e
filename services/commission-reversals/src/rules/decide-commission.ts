import { mulDivRound } from '@clawback/money';
import type { LifecycleEvent, OrderPaid, RefundApplied } from '@clawback/order-machine';
import type { CommissionTerms } from '../terms/commission-terms';
import { saleCommission } from '../terms/sale-commission';
import type {
  CommissionAdjustment,
  CommissionAdjustmentType,
  ReversalReason,
} from './commission-adjustment';
import type { CommissionState } from './commission-state';

/** Why an event changed what it changed (or nothing), for logs and metrics. */
export type DecisionOutcome =
  | 'applied'
  | 'no_change'
  | 'not_tracked'
  | 'final'
  | 'already_applied'
  | 'no_affiliate'
  | 'unconfigured'
  | 'not_relevant';

/** The result of one event: the order's state after it and the adjustments to publish. */
export interface CommissionDecision {
  /** `undefined` while the order earns no commission. */
  readonly state: CommissionState | undefined;
  readonly adjustments: readonly CommissionAdjustment[];
  readonly outcome: DecisionOutcome;
}

/** The lifecycle events that can move an earned commission. */
type CommissionEvent = Extract<
  LifecycleEvent,
  {
    readonly type:
      'RefundApplied' | 'ChargebackOpened' | 'ChargebackWon' | 'ChargebackLost' | 'PaymentDenied';
  }
>;

const COMMISSION_EVENTS: ReadonlySet<string> = new Set([
  'RefundApplied',
  'ChargebackOpened',
  'ChargebackWon',
  'ChargebackLost',
  'PaymentDenied',
]);

const isCommissionEvent = (event: LifecycleEvent): event is CommissionEvent =>
  COMMISSION_EVENTS.has(event.type);

const unchanged = (
  state: CommissionState | undefined,
  outcome: DecisionOutcome,
): CommissionDecision => ({ state, adjustments: [], outcome });

/**
 * Decides what one lifecycle event does to an order's commission. Pure: the same state, event
 * and terms always give the same result, so a replay books exactly the same adjustments.
 *
 * - `OrderPaid` with an affiliate earns: the provider's figure, else the merchant's rates
 *   (resolved now and stored, so later configuration changes never alter old sales).
 * - `RefundApplied` reverses pro rata from cumulative totals: reversed for refunds becomes
 *   `round(earned × refundedTotal ÷ paid)` and the difference is emitted, so rounding never
 *   drifts and a full refund reverses exactly what is left.
 * - `ChargebackOpened` reverses everything outstanding into a hold; `ChargebackWon`
 *   reinstates the hold; `ChargebackLost` and `PaymentDenied` reverse whatever is outstanding
 *   and make the order final (a held amount simply stays reversed).
 *
 * Events at or below the state's sequence, events of orders without commission and events
 * after the order became final change nothing.
 */
export function decideCommission(
  state: CommissionState | undefined,
  event: LifecycleEvent,
  terms: CommissionTerms | undefined,
): CommissionDecision {
  if (state !== undefined && event.sequence <= state.sequence) {
    return unchanged(state, 'already_applied');
  }
  if (event.type === 'OrderPaid') return earn(state, event, terms);
  if (!isCommissionEvent(event)) return unchanged(state, 'not_relevant');
  if (state === undefined) return unchanged(state, 'not_tracked');
  if (state.final) return unchanged(state, 'final');
  switch (event.type) {
    case 'RefundApplied':
      return refund(state, event);
    case 'ChargebackOpened':
      return change(state, event, { held: state.earned - state.reversed + state.held });
    case 'ChargebackWon':
      return change(state, event, { held: 0, reversed: state.reversed - state.held });
    case 'ChargebackLost':
    case 'PaymentDenied':
      return change(state, event, { held: 0, final: true });
  }
}

function earn(
  state: CommissionState | undefined,
  event: OrderPaid,
  terms: CommissionTerms | undefined,
): CommissionDecision {
  if (state !== undefined) return unchanged(state, 'already_applied');
  if (event.affiliate === null) return unchanged(state, 'no_affiliate');
  const commission = saleCommission(event, terms);
  if (commission === undefined) return unchanged(state, 'unconfigured');
  if (commission.amount <= 0) return unchanged(state, 'no_change');
  const next: CommissionState = {
    merchantId: event.merchantId,
    affiliateId: event.affiliate.affiliateId,
    currency: event.currency,
    earned: commission.amount,
    earnedFrom: commission.from,
    reversed: 0,
    held: 0,
    final: false,
    sequence: event.sequence,
  };
  const fields = adjustmentFields(next, event, 'CommissionEarned', commission.amount);
  return {
    state: next,
    adjustments: [{ ...fields, reason: 'order_paid', earnedFrom: commission.from }],
    outcome: 'applied',
  };
}

/** A refund that leaves nothing paid: the rest of the commission goes. */
const refundCompletes = (event: RefundApplied): boolean =>
  event.kind === 'full' || event.paid <= 0 || event.refundedTotal >= event.paid;

/**
 * Pro rata from cumulative totals. While a chargeback holds the outstanding commission, the
 * refund's share moves from the hold to the refunds and nothing is emitted.
 */
function refund(state: CommissionState, event: RefundApplied): CommissionDecision {
  const forRefunds = state.reversed - state.held;
  const complete = refundCompletes(event);
  const target = complete
    ? state.earned
    : mulDivRound(state.earned, event.refundedTotal, event.paid);
  const grown = Math.max(0, Math.min(target, state.earned) - forRefunds);
  const held = Math.max(0, state.held - grown);
  return change(state, event, { held, reversed: forRefunds + grown + held, final: complete });
}

/** The reason a reversal caused by `event` is booked under. */
function reversalReason(event: CommissionEvent): ReversalReason {
  switch (event.type) {
    case 'RefundApplied':
      return refundCompletes(event) ? 'refund_full' : 'refund_partial';
    case 'ChargebackLost':
      return 'chargeback_lost';
    case 'PaymentDenied':
      return 'payment_denied';
    case 'ChargebackOpened':
    case 'ChargebackWon': // only ever reinstates
      return 'chargeback_opened';
  }
}

/**
 * Applies new totals and emits the change of `reversed` as one adjustment: a reversal when it
 * grew, a reinstatement when it shrank, nothing when only the hold or `final` moved.
 * `reversed` defaults to everything (`earned`), the usual case of a reversal.
 */
function change(
  state: CommissionState,
  event: CommissionEvent,
  totals: { readonly held: number; readonly reversed?: number; readonly final?: boolean },
): CommissionDecision {
  const next: CommissionState = {
    ...state,
    held: totals.held,
    reversed: totals.reversed ?? state.earned,
    final: totals.final ?? state.final,
    sequence: event.sequence,
  };
  const moved = next.reversed - state.reversed;
  if (moved === 0 && next.held === state.held && next.final === state.final) {
    return unchanged(state, 'no_change');
  }
  if (moved === 0) return { state: next, adjustments: [], outcome: 'applied' };
  const adjustment: CommissionAdjustment =
    moved < 0
      ? {
          ...adjustmentFields(next, event, 'CommissionReinstated', -moved),
          reason: 'chargeback_won',
        }
      : {
          ...adjustmentFields(next, event, 'CommissionReversed', -moved),
          reason: reversalReason(event),
        };
  return { state: next, adjustments: [adjustment], outcome: 'applied' };
}

function adjustmentFields<Type extends CommissionAdjustmentType>(
  state: CommissionState,
  event: LifecycleEvent,
  type: Type,
  amount: number,
) {
  return {
    adjustmentId: `${event.eventId}:${type}`,
    type,
    merchantId: state.merchantId,
    affiliateId: state.affiliateId,
    orderKey: event.orderKey,
    provider: event.provider,
    orderRef: event.orderRef,
    sourceEventId: event.eventId,
    sourceEventType: event.type,
    currency: state.currency,
    amount,
    earnedTotal: state.earned,
    reversedTotal: state.reversed,
    heldTotal: state.held,
    occurredAt: event.occurredAt,
  };
}
