import type { ProviderName } from '@clawback/notifications';
import type { CancellationCause } from '../policy/cancellation-request';
import type { AdapterName } from '../settings/merchant-settings';

/** Who redrove which dead letter, and why (ADR 0019): carried on every step of a redrive. */
export interface RedriveOrigin {
  /** `cancellations-{partition}-{offset}` of the dead letter. */
  readonly deadLetterId: string;
  readonly operatorId: string;
  readonly reason: string;
}

/** Fields of every event on `subscriptions.cancellations` (keyed by `subscriptionRef`). */
interface CancellationEventBase<Type extends string> {
  /** Deterministic: see {@link cancellationEventId}. */
  readonly eventId: string;
  readonly type: Type;
  readonly subscriptionRef: string;
  readonly orderKey: string;
  readonly merchantId: string;
  readonly provider: ProviderName;
  readonly adapter: AdapterName;
  readonly cause: CancellationCause;
  /** The causing lifecycle event's `eventId`. */
  readonly causationId: string;
  /** What receivers dedupe on. */
  readonly idempotencyKey: string;
  /** The causing event's provider time, `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  readonly occurredAt: string;
  /** Set on the steps of an operator's redrive; absent on the first attempt. */
  readonly redrive?: RedriveOrigin;
}

/** Clawback decided to cancel the subscription. */
interface SubscriptionCancellationRequested extends CancellationEventBase<'SubscriptionCancellationRequested'> {
  readonly attempts: 0;
}

/** The receiver confirmed the cancellation (or that it had already happened). */
interface SubscriptionCancelled extends CancellationEventBase<'SubscriptionCancelled'> {
  /** Outbound calls it took. */
  readonly attempts: number;
  /** The receiver answered that the subscription was already cancelled. */
  readonly alreadyCancelled: boolean;
}

/** Why a cancellation failed: the last call's error. */
export interface CancellationFailure {
  readonly code: string;
  readonly message: string;
  /** True when the retries ran out; false when the receiver refused outright. */
  readonly retriable: boolean;
}

/** The cancellation failed for good: refused, or retries exhausted. Also dead-lettered. */
interface SubscriptionCancellationFailed extends CancellationEventBase<'SubscriptionCancellationFailed'> {
  readonly attempts: number;
  readonly lastError: CancellationFailure;
}

/** Every event on `subscriptions.cancellations`, discriminated on `type`. */
export type CancellationEvent =
  SubscriptionCancellationRequested | SubscriptionCancelled | SubscriptionCancellationFailed;

/** The `type` of a {@link CancellationEvent}. */
export type CancellationEventType = CancellationEvent['type'];
