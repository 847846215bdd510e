import type { KindDecision } from '../shared/kind-decision';
import type { Click2SellNotification } from './fields';

function statusText(n: Click2SellNotification): string {
  const parts = [n.transactionType];
  if (n.subscriptionStatus !== undefined) parts.push(`subscription_status=${n.subscriptionStatus}`);
  if (n.paymentStatus !== undefined) parts.push(`payment_status=${n.paymentStatus}`);
  return parts.join('; ');
}

/**
 * The canonical kind: `subscription_status=Cancel` ends the subscription whatever the type;
 * `Refund` is a refund (Click2Sell never says partial or full); `Sale` and `Subscription`
 * (New/Recurring) are payments, denied when `payment_status=Failed`; anything else is
 * `unsupported` (no chargeback or eCheck values are known).
 */
export function click2sellKind(n: Click2SellNotification): KindDecision {
  const providerStatus = statusText(n);
  if (n.subscriptionStatus === 'cancel') return { kind: 'subscription_ended', providerStatus };
  if (n.transactionType === 'refund')
    return { kind: 'refund', refundScope: 'unspecified', providerStatus };
  if (n.transactionType === 'sale' || n.transactionType === 'subscription') {
    return n.paymentStatus === 'failed'
      ? { kind: 'payment_denied', reason: 'payment_failed', providerStatus }
      : { kind: 'payment_completed', providerStatus };
  }
  return { kind: 'unsupported', providerStatus };
}
