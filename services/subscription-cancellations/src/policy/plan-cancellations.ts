import type { LifecycleEvent } from '@clawback/order-machine';
import { idempotencyKeyFor } from '../events/identity';
import type { MerchantCancellationSettings } from '../settings/merchant-settings';
import type { CancellationCause, CancellationRequest } from './cancellation-request';

/** Why a lifecycle event cancels nothing. */
type IgnoreReason =
  'not_a_cause' | 'partial_refund_kept' | 'no_subscriptions' | 'merchant_not_configured';

/** What one lifecycle event asks of this service. */
export type CancellationPlan =
  | { readonly kind: 'cancel'; readonly requests: readonly CancellationRequest[] }
  | { readonly kind: 'ignore'; readonly reason: IgnoreReason };

/** The cause an event would be, before the merchant's policy is applied. */
function causeOf(event: LifecycleEvent): CancellationCause | undefined {
  switch (event.type) {
    case 'RefundApplied':
      return event.kind === 'full' ? 'full_refund' : 'partial_refund';
    case 'ChargebackLost':
      return 'chargeback_lost';
    case 'PaymentDenied':
      return 'payment_denied';
    default:
      return undefined;
  }
}

/**
 * Pure: the cancellations one lifecycle event asks for. A full refund, a lost chargeback and a
 * denied payment cancel every subscription of the order (the events carry all of the order's
 * refs); a partial refund does so only where the merchant's `onPartialRefund` is `cancel`.
 * Merchants without an adapter (or unknown ones) are left alone.
 */
export function planCancellations(
  event: LifecycleEvent,
  settings: MerchantCancellationSettings | undefined,
): CancellationPlan {
  const cause = causeOf(event);
  if (cause === undefined || !('subscriptionRefs' in event)) {
    return { kind: 'ignore', reason: 'not_a_cause' };
  }
  if (settings?.target === undefined) return { kind: 'ignore', reason: 'merchant_not_configured' };
  if (cause === 'partial_refund' && settings.onPartialRefund === 'keep') {
    return { kind: 'ignore', reason: 'partial_refund_kept' };
  }
  const refs = [...new Set(event.subscriptionRefs)].filter((ref) => ref !== '');
  if (refs.length === 0) return { kind: 'ignore', reason: 'no_subscriptions' };
  const adapter = settings.target.adapter;
  return {
    kind: 'cancel',
    requests: refs.map((subscriptionRef) => ({
      subscriptionRef,
      orderKey: event.orderKey,
      merchantId: event.merchantId,
      provider: event.provider,
      adapter,
      cause,
      causationId: event.eventId,
      idempotencyKey: idempotencyKeyFor(
        { provider: event.provider, merchantId: event.merchantId, subscriptionRef },
        event.eventId,
      ),
      occurredAt: event.occurredAt,
    })),
  };
}
