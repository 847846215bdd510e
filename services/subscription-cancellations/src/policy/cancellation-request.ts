import type { ProviderName } from '@clawback/notifications';
import type { AdapterName } from '../settings/merchant-settings';

/** Why a subscription is cancelled: the lifecycle event that asked for it. */
export type CancellationCause =
  'full_refund' | 'partial_refund' | 'chargeback_lost' | 'payment_denied';

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
}
