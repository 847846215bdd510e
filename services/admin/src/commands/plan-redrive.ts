import { AdminError } from '../admin-error';
import { OPERATOR_HEADER, REASON_HEADER, REDRIVE_HEADER } from '../cases/case-sources';
import type { DeadLetterEntry } from '../log/log-entry';
import type { OutgoingRecord } from './command-writer';

/**
 * The record a redrive republishes: the dead letter's raw notification unchanged, with who
 * asked for it and why in headers. Redriving twice writes it twice; the lifecycle's dedupe by
 * notification id makes the second copy a duplicate.
 *
 * @throws AdminError `resolution_not_allowed` for a cancellation dead letter (not built yet,
 *   see docs/operations.md) or a dead letter without its notification.
 */
export function planRedrive(
  d: DeadLetterEntry,
  operatorId: string,
  reason: string,
): OutgoingRecord {
  if (d.queue === 'cancellations')
    throw new AdminError(
      'resolution_not_allowed',
      'redrive of cancellation dead letters is not available yet; the cancellation is re-requested by its lifecycle event',
    );
  if (d.raw === null)
    throw new AdminError('resolution_not_allowed', `dead letter ${d.id} carries no notification`);
  return {
    value: d.raw,
    headers: { [REDRIVE_HEADER]: d.id, [OPERATOR_HEADER]: operatorId, [REASON_HEADER]: reason },
  };
}
