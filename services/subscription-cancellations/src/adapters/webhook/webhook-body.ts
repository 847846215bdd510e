import type { CancellationRequest } from '../../policy/cancellation-request';

/** The JSON body of a cancellation webhook (docs/webhooks.md), version 1. */
export interface CancellationWebhookBody {
  readonly type: 'subscription.cancellation_requested';
  readonly idempotencyKey: string;
  readonly subscriptionRef: string;
  readonly orderKey: string;
  readonly merchantId: string;
  readonly provider: string;
  readonly cause: string;
  readonly causationId: string;
  readonly occurredAt: string;
}

/**
 * The body for `request`: the same bytes on every attempt (only the signature header's
 * timestamp changes), so receivers may also dedupe on the body.
 */
export function webhookBody(request: CancellationRequest): string {
  const body: CancellationWebhookBody = {
    type: 'subscription.cancellation_requested',
    idempotencyKey: request.idempotencyKey,
    subscriptionRef: request.subscriptionRef,
    orderKey: request.orderKey,
    merchantId: request.merchantId,
    provider: request.provider,
    cause: request.cause,
    causationId: request.causationId,
    occurredAt: request.occurredAt,
  };
  return JSON.stringify(body);
}
