import { isProviderName } from '@clawback/notifications';
import { CancellationError } from '../cancellation-error';
import type { CancellationCause } from '../policy/cancellation-request';
import { ADAPTER_NAMES, type AdapterName } from '../settings/merchant-settings';
import type { CancellationEvent, CancellationFailure, RedriveOrigin } from './cancellation-event';

/** The `SubscriptionCancellationEvent` record of schemas/subscriptions.cancellations.avsc. */
export interface AvroCancellationEvent {
  readonly eventId: string;
  readonly type: string;
  readonly subscriptionRef: string;
  readonly orderKey: string;
  readonly merchantId: string;
  readonly provider: string;
  readonly adapter: string;
  readonly cause: string;
  readonly causationId: string;
  readonly idempotencyKey: string;
  readonly attempts: number;
  readonly alreadyCancelled: boolean;
  readonly lastError: CancellationFailure | null;
  /** UTC epoch milliseconds (`timestamp-millis`). */
  readonly occurredAt: number;
  /** Absent in records written before redrives existed (the schema's default is null). */
  readonly redrive?: RedriveOrigin | null;
}

/** The Avro envelope of an event. */
export function toAvroCancellation(event: CancellationEvent): AvroCancellationEvent {
  return {
    eventId: event.eventId,
    type: event.type,
    subscriptionRef: event.subscriptionRef,
    orderKey: event.orderKey,
    merchantId: event.merchantId,
    provider: event.provider,
    adapter: event.adapter,
    cause: event.cause,
    causationId: event.causationId,
    idempotencyKey: event.idempotencyKey,
    attempts: event.attempts,
    alreadyCancelled: event.type === 'SubscriptionCancelled' ? event.alreadyCancelled : false,
    lastError: event.type === 'SubscriptionCancellationFailed' ? event.lastError : null,
    occurredAt: Date.parse(event.occurredAt),
    redrive: event.redrive ?? null,
  };
}

const causes: readonly string[] = [
  'full_refund',
  'partial_refund',
  'chargeback_lost',
  'payment_denied',
];

function invalid(record: AvroCancellationEvent, what: string): CancellationError {
  return new CancellationError(
    'lifecycle_event_undecodable',
    `cancellation record ${record.eventId}: ${what}`,
  );
}

/**
 * The event an Avro envelope holds; `undefined` for types this version does not know (the
 * schema allows new ones).
 *
 * @throws CancellationError when a known type lacks what it needs.
 */
export function fromAvroCancellation(r: AvroCancellationEvent): CancellationEvent | undefined {
  if (!isProviderName(r.provider)) throw invalid(r, `unknown provider ${r.provider}`);
  if (!(ADAPTER_NAMES as readonly string[]).includes(r.adapter)) {
    throw invalid(r, `unknown adapter ${r.adapter}`);
  }
  if (!causes.includes(r.cause)) throw invalid(r, `unknown cause ${r.cause}`);
  const base = {
    eventId: r.eventId,
    subscriptionRef: r.subscriptionRef,
    orderKey: r.orderKey,
    merchantId: r.merchantId,
    provider: r.provider,
    adapter: r.adapter as AdapterName,
    cause: r.cause as CancellationCause,
    causationId: r.causationId,
    idempotencyKey: r.idempotencyKey,
    occurredAt: new Date(r.occurredAt).toISOString(),
    ...(r.redrive && {
      redrive: {
        deadLetterId: r.redrive.deadLetterId,
        operatorId: r.redrive.operatorId,
        reason: r.redrive.reason,
      },
    }),
  };
  switch (r.type) {
    case 'SubscriptionCancellationRequested':
      return { ...base, type: r.type, attempts: 0 };
    case 'SubscriptionCancelled':
      return { ...base, type: r.type, attempts: r.attempts, alreadyCancelled: r.alreadyCancelled };
    case 'SubscriptionCancellationFailed':
      if (r.lastError === null) throw invalid(r, 'no lastError');
      return { ...base, type: r.type, attempts: r.attempts, lastError: r.lastError };
    default:
      return undefined;
  }
}
