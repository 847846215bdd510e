import type { ProviderName } from '@clawback/notifications';
import type { RedriveOrigin } from '../events/cancellation-event';
import type { AdapterName } from '../settings/merchant-settings';

/** Every {@link CancellationCause}. */
export const CANCELLATION_CAUSES = [
  'full_refund',
  'partial_refund',
  'chargeback_lost',
  'payment_denied',
] as const;

/** Why a subscription is cancelled: the lifecycle event that asked for it. */
export type CancellationCause = (typeof CANCELLATION_CAUSES)[number];

/** One subscription to cancel, because of one lifecycle event. */
export interface CancellationRequest {
  readonly subscriptionRef: string;
  readonly orderKey: string;
  readonly merchantId: string;
  /** The order's provider (whose subscription ref this is). */
  readonly provider: ProviderName;
  readonly adapter: AdapterName;
  readonly cause: CancellationCause;
  /** The causing lifecycle event's `eventId`. */
  readonly causationId: string;
  /** Sent to receivers; the same for every attempt and every replay of this request. */
  readonly idempotencyKey: string;
  /** The causing event's `occurredAt` (provider time), never a wall clock. */
  readonly occurredAt: string;
  /** Set when an operator redrove a dead letter of this request (ADR 0019). */
  readonly redrive?: RedriveOrigin;
}
