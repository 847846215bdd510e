import { AdminError } from '../admin-error';
import { OPERATOR_HEADER, REASON_HEADER, REDRIVE_HEADER } from '../cases/case-sources';
import type { DeadLetterEntry } from '../log/log-entry';
import type { OutgoingRecord } from './command-writer';

/** A `subscriptions.cancellations.redrive` value (schemas/subscriptions.cancellations.redrive.avsc). */
export interface CancellationRedriveValue {
  readonly deadLetterId: string;
  readonly operatorId: string;
  readonly reason: string;
  readonly failedEventId: string;
  readonly subscriptionRef: string;
  readonly orderKey: string;
  readonly merchantId: string;
  readonly provider: string;
  readonly adapter: string;
  readonly cause: string;
  readonly causationId: string;
  readonly idempotencyKey: string;
  /** Epoch ms. */
  readonly occurredAt: number;
}

/**
 * Pure: the record a redrive writes.
 * - A raw dead letter: its notification republished unchanged to the raw topic, with who asked
 *   for it and why in headers. Redriving twice writes it twice; the lifecycle's dedupe by
 *   notification id makes the second copy a duplicate.
 * - A cancellation dead letter: a redrive command for subscription-cancellations (ADR 0019),
 *   carrying the failed cancellation and who and why. Redriving twice writes it twice; the
 *   service redrives a dead letter once, and never calls for a subscription it has cancelled.
 *
 * @throws AdminError `resolution_not_allowed` for a dead letter without its notification or
 *   cancellation (a record that could not be decoded: nothing to attempt again).
 */
export function planRedrive(
  d: DeadLetterEntry,
  operatorId: string,
  reason: string,
): OutgoingRecord {
  if (d.queue === 'cancellations') {
    const c = d.cancellation;
    if (c === null)
      throw new AdminError(
        'resolution_not_allowed',
        `dead letter ${d.id} carries no cancellation (its lifecycle event could not be read)`,
      );
    return {
      topic: 'cancellationsRedrive',
      value: {
        deadLetterId: d.id,
        operatorId,
        reason,
        failedEventId: c.eventId,
        subscriptionRef: c.subscriptionRef,
        orderKey: c.orderKey,
        merchantId: c.merchantId,
        provider: c.provider,
        adapter: c.adapter,
        cause: c.cause,
        causationId: c.causationId,
        idempotencyKey: c.idempotencyKey,
        occurredAt: c.occurredAt,
      },
    };
  }
  if (d.raw === null)
    throw new AdminError('resolution_not_allowed', `dead letter ${d.id} carries no notification`);
  return {
    value: d.raw,
    headers: { [REDRIVE_HEADER]: d.id, [OPERATOR_HEADER]: operatorId, [REASON_HEADER]: reason },
  };
}
