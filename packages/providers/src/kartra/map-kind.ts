import type { NotificationKind, RefundScope } from '@clawback/notifications';
import type { KindDecision } from '../shared/kind-decision';
import { lookup } from '../shared/lookup';
import type { KartraTransaction } from './fields';

interface KartraMapping {
  readonly kind: NotificationKind;
  readonly refundScope?: RefundScope;
  readonly reason?: string;
}

/**
 * IPN `transaction_type` → kind. `chargeback` is final: the vendor marks it by hand in Kartra
 * ("Mark as chargeback", irreversible), so the dispute is already lost. `failed` is a failed
 * rebill, i.e. the failed payment of a new order. `refund` is `unspecified`, not `total`:
 * Kartra does not say whether earlier partial refunds exist.
 */
const KARTRA_IPN_TYPES: Readonly<Record<string, KartraMapping>> = {
  sale: { kind: 'payment_completed' },
  rebill: { kind: 'payment_completed' },
  refund: { kind: 'refund', refundScope: 'unspecified' },
  partial_refund: { kind: 'refund', refundScope: 'partial' },
  chargeback: { kind: 'chargeback_lost', reason: 'marked_as_chargeback' },
  failed: { kind: 'payment_denied', reason: 'rebill_failed' },
  cancellation: { kind: 'subscription_ended' },
};

/** Outbound-API `action` → kind (other actions, e.g. `affiliate_signup`, are unsupported). */
const KARTRA_OUTBOUND_ACTIONS: Readonly<Record<string, KartraMapping>> = {
  buy_product: { kind: 'payment_completed' },
  refund_product: { kind: 'refund', refundScope: 'unspecified' },
  partial_refund_product: { kind: 'refund', refundScope: 'partial' },
  cancel_subscription: { kind: 'subscription_ended' },
};

/** The canonical kind of a Kartra transaction; unknown types are `unsupported`. */
export function kartraKind(tx: KartraTransaction): KindDecision {
  const table = tx.surface === 'ipn' ? KARTRA_IPN_TYPES : KARTRA_OUTBOUND_ACTIONS;
  const mapped = lookup(table, tx.event);
  return { ...(mapped ?? { kind: 'unsupported' }), providerStatus: tx.event };
}
