import type { CanonicalNotification, NotificationLine } from '@clawback/notifications';
import { missingField } from '../form/form-fields';
import { canonicalNotification, quantitiesKnown } from '../shared/canonical';
import type { KindDecision } from '../shared/kind-decision';
import { notificationIdOf } from '../shared/notification-id';
import { receivedAtUtc } from '../shared/received-at';
import type { KartraTransaction } from './fields';
import { kartraKind } from './map-kind';

/** Kinds whose notification is about money and must say how much. */
const MONEY_KINDS = new Set(['payment_completed', 'refund', 'chargeback_lost', 'payment_denied']);

/**
 * The dedupe id: the transaction and what happened to it (§4 of the reference: transaction id
 * + type), by canonical kind rather than surface so the same refund seen through the IPN and
 * the outbound API gets one id; the parent and amount guard against a refund reusing an id.
 */
function notificationId(merchantId: string, tx: KartraTransaction, decision: KindDecision): string {
  return notificationIdOf('kartra', merchantId, [
    decision.kind === 'unsupported' ? `unsupported:${tx.event}` : decision.kind,
    decision.refundScope,
    tx.transactionId,
    tx.orderRef,
    tx.amount === undefined ? undefined : String(Math.abs(tx.amount)),
  ]);
}

function linesOf(tx: KartraTransaction, decision: KindDecision): readonly NotificationLine[] {
  if (tx.productId === undefined) return [];
  const quantity = quantitiesKnown(decision) ? Math.abs(tx.quantity ?? 0) : 0;
  return [
    {
      lineId: tx.productId,
      name: tx.productName ?? '',
      quantity,
      amount: Math.abs(tx.amount ?? 0),
    },
  ];
}

/**
 * A typed Kartra transaction → canonical notification. When the body carries no date (the
 * outbound JSON may not), the record's `receivedAt` stands in for provider time.
 */
export function normalizeKartraTransaction(
  merchantId: string,
  tx: KartraTransaction,
  receivedAt?: string,
): CanonicalNotification {
  const decision = kartraKind(tx);
  if (tx.amount === undefined && MONEY_KINDS.has(decision.kind))
    throw missingField('transaction_full_amount');
  const occurredAt = tx.occurredAt ?? receivedAtUtc(receivedAt);
  if (occurredAt === undefined) throw missingField('transaction_date');
  return canonicalNotification({
    notificationId: notificationId(merchantId, tx, decision),
    provider: 'kartra',
    merchantId,
    orderRef: tx.orderRef,
    decision,
    occurredAt,
    currency: tx.currency,
    amount: tx.amount ?? 0,
    lines: linesOf(tx, decision),
    affiliate: tx.affiliate === undefined ? undefined : { affiliateId: tx.affiliate },
    subscriptionRefs: tx.internalSubscriptionId === undefined ? [] : [tx.internalSubscriptionId],
    test: false,
  });
}
