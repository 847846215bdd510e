import { createHash } from 'node:crypto';
import type { NotificationKind } from '@clawback/notifications';

/**
 * The event type that reports a parked notification overdue (branch `facts`): the one name this
 * projection depends on. Its `causationId` is the parked notification.
 */
export const OVERDUE_EVENT_TYPE = 'NotificationOverdue';

/** Kinds whose rejection means money moved (or was claimed) that Clawback did not act on. */
export const MONEY_MOVING_KINDS: readonly NotificationKind[] = [
  'payment_pending',
  'payment_completed',
  'refund',
  'chargeback_opened',
  'chargeback_won',
  'chargeback_lost',
  'payment_denied',
];

/** Operator command ids start with this (ADR 0014); provider notification ids never do. */
export const COMMAND_ID_PREFIX = 'op-';

/** Kafka header of a republished dead letter: the dead letter's id. */
export const REDRIVE_HEADER = 'clawback-redrive-of';
/** Kafka header of a republished dead letter: the operator who asked for it. */
export const OPERATOR_HEADER = 'clawback-operator';
/** Kafka header of a republished dead letter: why the operator re-drove it (optional). */
export const REASON_HEADER = 'clawback-reason';

/** The deterministic id of the case about `source` (a notification of an order, a dead letter). */
export function caseIdOf(source: string): string {
  return `case-${createHash('sha256').update(source).digest('hex').slice(0, 16)}`;
}

/** The case source of a lifecycle case: the order and the notification it is about. */
export const lifecycleSource = (orderKey: string, notificationId: string): string =>
  `order:${orderKey}:${notificationId}`;

/**
 * The case source of a fact applied at its receipt because its provider time was implausible
 * (ADR 0020): apart from any rejection or overdue case of the same notification.
 */
export const providerTimeSource = (orderKey: string, notificationId: string): string =>
  `${lifecycleSource(orderKey, notificationId)}:provider_time`;

/** The case source of a dead letter. */
export const deadLetterSource = (deadLetterId: string): string => `dead-letter:${deadLetterId}`;
