import type { OrderLifecycleEvent } from '@clawback/order-machine';
import { OVERDUE_EVENT_TYPE } from '../cases/case-sources';
import type { NotificationOutcome } from './timeline-entry';

/** Kinds the lifecycle parks until their sale arrives. */
const PARKABLE = [
  'refund',
  'chargeback_opened',
  'chargeback_won',
  'chargeback_lost',
  'payment_denied',
];

/** What is known about one raw record when its outcome is derived. */
export interface OutcomeInputs {
  /** Events whose `causationId` is the record's notification (or command) id. */
  readonly caused: readonly OrderLifecycleEvent[];
  /** An earlier raw record of the order had the same id. */
  readonly seenBefore: boolean;
  /** The record's dead letter's error code, if it was dead-lettered. */
  readonly deadLetterCode: string | null;
  readonly notificationKind: string | null;
  /** The order has an `OrderPaid` event. */
  readonly orderPaid: boolean;
}

/**
 * A raw record's outcome from the log alone: rejected when dead-lettered, duplicate when
 * an earlier record had its id, rejected or applied by the events it caused, parked
 * (overdue, or a follow-up without a sale), else pending (the lifecycle has not got to it, or
 * it caused nothing, e.g. a dismiss).
 */
export function outcomeOf(inputs: OutcomeInputs): {
  readonly outcome: NotificationOutcome;
  readonly reason: string | null;
} {
  if (inputs.deadLetterCode !== null) return { outcome: 'rejected', reason: inputs.deadLetterCode };
  // A retry has the same id as the record the events were caused by: it changed nothing.
  if (inputs.seenBefore) return { outcome: 'duplicate', reason: null };
  const rejected = inputs.caused.find((e) => e.type === 'NotificationRejected');
  if (rejected !== undefined) return { outcome: 'rejected', reason: rejected.reason ?? 'rejected' };
  const effects = inputs.caused.filter((e) => e.type !== OVERDUE_EVENT_TYPE);
  if (effects.length > 0) return { outcome: 'applied', reason: null };
  const overdue = inputs.caused.length > 0;
  const waiting = PARKABLE.includes(inputs.notificationKind ?? '') && !inputs.orderPaid;
  return { outcome: overdue || waiting ? 'parked' : 'pending', reason: null };
}
