import { isProviderName } from '@clawback/notifications';
import { CancellationError } from '../cancellation-error';
import type { RedriveOrigin } from '../events/cancellation-event';
import { CANCELLATION_CAUSES, type CancellationRequest } from '../policy/cancellation-request';

/** A `subscriptions.cancellations.redrive` value (schemas/subscriptions.cancellations.redrive.avsc). */
export interface AvroRedriveCommand {
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
  /** UTC epoch milliseconds (`timestamp-millis`). */
  readonly occurredAt: number;
}

/** A redrive command, read: the request that failed and who asks to attempt it again. */
export interface RedriveCommand {
  readonly origin: RedriveOrigin;
  /** The failed request, without its adapter (the merchant's current one is used). */
  readonly request: Omit<CancellationRequest, 'adapter' | 'redrive'>;
}

/**
 * Pure: the command an Avro value holds.
 *
 * @throws CancellationError `redrive_command_invalid` for an unknown provider or cause, or no
 *   dead-letter id (the command would not be deduplicated).
 */
export function fromAvroRedrive(r: AvroRedriveCommand): RedriveCommand {
  const invalid = (what: string) =>
    new CancellationError('redrive_command_invalid', `redrive of ${r.deadLetterId}: ${what}`);
  if (r.deadLetterId === '') throw invalid('no dead-letter id');
  if (!isProviderName(r.provider)) throw invalid(`unknown provider ${r.provider}`);
  const cause = CANCELLATION_CAUSES.find((c) => c === r.cause);
  if (cause === undefined) throw invalid(`unknown cause ${r.cause}`);
  return {
    origin: { deadLetterId: r.deadLetterId, operatorId: r.operatorId, reason: r.reason },
    request: {
      subscriptionRef: r.subscriptionRef,
      orderKey: r.orderKey,
      merchantId: r.merchantId,
      provider: r.provider,
      cause,
      causationId: r.causationId,
      idempotencyKey: r.idempotencyKey,
      occurredAt: new Date(r.occurredAt).toISOString(),
    },
  };
}
