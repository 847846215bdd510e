import {
  orderKeyOf,
  type CanonicalNotification,
  type NotificationAffiliate,
  type LineQuantities,
  type NotificationLine,
  type ProviderName,
} from '@clawback/notifications';
import type { KindDecision } from './kind-decision';

/** Everything a provider's normalizer has worked out, before assembly. */
export interface CanonicalParts {
  readonly notificationId: string;
  readonly provider: ProviderName;
  readonly merchantId: string;
  readonly orderRef: string;
  readonly decision: KindDecision;
  readonly occurredAt: string;
  readonly currency: string;
  readonly amount: number;
  readonly lines: readonly NotificationLine[];
  readonly affiliate: NotificationAffiliate | undefined;
  readonly subscriptionRefs: readonly string[];
  readonly test: boolean;
  /**
   * Refunds: what the line quantities mean. Defaults to `order_quantities` because no provider
   * documents refunded units on a refund notification (docs/providers.md "Inferred behaviour").
   */
  readonly lineQuantities?: LineQuantities;
}

/**
 * Assembles the canonical notification; optional fields are left out rather than set to
 * `undefined`, so two normalizations of one record are deeply equal and serialize alike.
 */
export function canonicalNotification(parts: CanonicalParts): CanonicalNotification {
  const { decision } = parts;
  return {
    notificationId: parts.notificationId,
    provider: parts.provider,
    merchantId: parts.merchantId,
    orderRef: parts.orderRef,
    orderKey: orderKeyOf(parts.provider, parts.merchantId, parts.orderRef),
    kind: decision.kind,
    ...(decision.kind === 'refund' ? { refundScope: decision.refundScope ?? 'unspecified' } : {}),
    occurredAt: parts.occurredAt,
    currency: parts.currency,
    amount: Math.abs(parts.amount),
    lines: parts.lines,
    ...(decision.kind === 'refund'
      ? { lineQuantities: parts.lineQuantities ?? 'order_quantities' }
      : {}),
    ...(parts.affiliate ? { affiliate: parts.affiliate } : {}),
    subscriptionRefs: parts.subscriptionRefs,
    ...(decision.reason !== undefined ? { reason: decision.reason } : {}),
    providerStatus: decision.providerStatus,
    test: parts.test,
  };
}

/**
 * Whether line quantities may be reported: not on partial refunds, because no provider
 * documents the refunded units there and the lifecycle checks quantities cumulatively, so a
 * guessed figure could make it reject a genuine later refund.
 */
export function quantitiesKnown(decision: KindDecision): boolean {
  return !(decision.kind === 'refund' && decision.refundScope === 'partial');
}
