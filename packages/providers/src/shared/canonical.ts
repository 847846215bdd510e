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

type Draft = { -readonly [K in keyof CanonicalNotification]: CanonicalNotification[K] };

/**
 * Assembles the canonical notification; optional fields are left out rather than set to
 * `undefined`, so two normalizations of one record are deeply equal and serialize alike.
 * Set key by key in one fixed order, not with conditional spreads (a temporary object each).
 */
export function canonicalNotification(parts: CanonicalParts): CanonicalNotification {
  const { decision } = parts;
  const refund = decision.kind === 'refund';
  const n: Partial<Draft> = {
    notificationId: parts.notificationId,
    provider: parts.provider,
    merchantId: parts.merchantId,
    orderRef: parts.orderRef,
    orderKey: orderKeyOf(parts.provider, parts.merchantId, parts.orderRef),
    kind: decision.kind,
  };
  if (refund) n.refundScope = decision.refundScope ?? 'unspecified';
  n.occurredAt = parts.occurredAt;
  n.currency = parts.currency;
  n.amount = Math.abs(parts.amount);
  n.lines = parts.lines;
  if (refund) n.lineQuantities = parts.lineQuantities ?? 'order_quantities';
  if (parts.affiliate) n.affiliate = parts.affiliate;
  n.subscriptionRefs = parts.subscriptionRefs;
  if (decision.reason !== undefined) n.reason = decision.reason;
  n.providerStatus = decision.providerStatus;
  n.test = parts.test;
  return n as CanonicalNotification;
}

/**
 * Whether line quantities may be reported: not on partial refunds, because no provider
 * documents the refunded units there and the lifecycle checks quantities cumulatively, so a
 * guessed figure could make it reject a genuine later refund.
 */
export function quantitiesKnown(decision: KindDecision): boolean {
  return !(decision.kind === 'refund' && decision.refundScope === 'partial');
}
