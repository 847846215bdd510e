import { createHash } from 'node:crypto';
import type { CancellationEventType } from './cancellation-event';

/** A subscription as Clawback knows it: refs are unique per provider account only. */
export interface SubscriptionIdentity {
  readonly provider: string;
  readonly merchantId: string;
  readonly subscriptionRef: string;
}

/** `{provider}:{merchantId}:{subscriptionRef}`: the key of the completed-cancellations record. */
export function subscriptionKey(s: SubscriptionIdentity): string {
  return `${s.provider}:${s.merchantId}:${s.subscriptionRef}`;
}

/**
 * The idempotency key receivers dedupe on: one per (subscription, causing event), the same on
 * every attempt and every replay. Hex SHA-256, so it fits any header and reveals nothing.
 */
export function idempotencyKeyFor(s: SubscriptionIdentity, causationId: string): string {
  return createHash('sha256')
    .update(JSON.stringify([s.provider, s.merchantId, s.subscriptionRef, causationId]))
    .digest('hex');
}

/**
 * `{type}:{causationId}:{subscriptionRef URI-encoded}`: deterministic from the causing lifecycle
 * event, the subscription and the type, so a replay of the input yields the same ids. Encoding
 * the ref keeps the id unambiguous whatever the ids contain. The steps of a redrive end in
 * `:redrive:{deadLetterId}`, so they never repeat the ids of the attempt that failed.
 */
export function cancellationEventId(
  type: CancellationEventType,
  causationId: string,
  subscriptionRef: string,
  redriveOf?: string,
): string {
  const id = `${type}:${causationId}:${encodeURIComponent(subscriptionRef)}`;
  return redriveOf === undefined ? id : `${id}:redrive:${encodeURIComponent(redriveOf)}`;
}
