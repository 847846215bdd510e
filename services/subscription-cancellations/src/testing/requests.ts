import { idempotencyKeyFor } from '../events/identity';
import type { CancellationRequest } from '../policy/cancellation-request';

/** Test data: a cancellation request (a 2Checkout subscription, webhook adapter). */
export function cancellationRequest(
  overrides: Partial<CancellationRequest> = {},
): CancellationRequest {
  const identity = {
    provider: overrides.provider ?? '2checkout',
    merchantId: overrides.merchantId ?? 'm1',
    subscriptionRef: overrides.subscriptionRef ?? 'XRILXB9ZI3',
  };
  const causationId = overrides.causationId ?? 'n-1#0';
  return {
    ...identity,
    orderKey: `${identity.provider}:${identity.merchantId}:1000`,
    adapter: 'webhook',
    cause: 'chargeback_lost',
    causationId,
    idempotencyKey: idempotencyKeyFor(identity, causationId),
    occurredAt: '2026-01-15T10:00:00.000Z',
    ...overrides,
  };
}
