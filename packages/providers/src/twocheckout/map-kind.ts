import type { NotificationKind, RefundScope } from '@clawback/notifications';
import type { KindDecision } from '../shared/kind-decision';
import { lookup } from '../shared/lookup';
import type { TwoCheckoutIpn } from './fields';

/** `ORDERSTATUS` values whose money is not captured yet (see docs/providers.md). */
const PENDING_STATUSES = [
  'PENDING',
  'PURCHASE_PENDING',
  'PENDING_APPROVAL',
  'PAYMENT_AUTHORIZED',
  'AUTHRECEIVED',
  'PAYMENT_RECEIVED',
  'PENDING_ORDER_APPROVAL',
  'SUSPECT',
] as const;

/** `ORDERSTATUS` → kind (and denial reason) when no chargeback or fraud flag decides first. */
const TWOCHECKOUT_STATUS_KINDS: Readonly<
  Record<string, { readonly kind: NotificationKind; readonly reason?: string }>
> = {
  ...Object.fromEntries(PENDING_STATUSES.map((s) => [s, { kind: 'payment_pending' as const }])),
  COMPLETE: { kind: 'payment_completed' },
  REFUND: { kind: 'refund' },
  REVERSED: { kind: 'payment_denied', reason: 'authorization_reversed' },
  CANCELED: { kind: 'payment_denied', reason: 'payment_canceled' },
  CANCELLED: { kind: 'payment_denied', reason: 'payment_canceled' },
  INVALID: { kind: 'payment_denied', reason: 'invalid' },
};

/** `CHARGEBACK_RESOLUTION` values with an outcome; any other non-NONE value opens a dispute. */
const CHARGEBACK_OUTCOMES: Readonly<Record<string, NotificationKind>> = {
  WON: 'chargeback_won',
  LOST: 'chargeback_lost',
  ACCEPTED: 'chargeback_lost',
};

/** Statuses that describe money moving back; they decide before any chargeback/fraud flag. */
const MONEY_BACK = new Set(['REFUND', 'REVERSED', 'CANCELED', 'CANCELLED']);

function refundScopeOf(refundType: string | undefined): RefundScope {
  if (refundType === 'FULL') return 'total';
  if (refundType === 'PARTIAL') return 'partial';
  return 'unspecified';
}

/**
 * Decides the canonical kind of an IPN. Order of precedence: a money-back status
 * (REFUND/REVERSED/CANCELED), then a chargeback resolution other than NONE, then
 * `FRAUD_STATUS=DENIED`, then the status table; anything else is `unsupported`.
 */
export function twoCheckoutKind(ipn: TwoCheckoutIpn): KindDecision {
  const status = ipn.orderStatus;
  const mapped = lookup(TWOCHECKOUT_STATUS_KINDS, status);
  if (status === 'REFUND') {
    const providerStatus = `REFUND; REFUND_TYPE=${ipn.refundType ?? ''}`;
    return { kind: 'refund', refundScope: refundScopeOf(ipn.refundType), providerStatus };
  }
  if (mapped && MONEY_BACK.has(status)) {
    return { kind: mapped.kind, reason: mapped.reason ?? status, providerStatus: status };
  }
  const resolution = ipn.chargebackResolution;
  if (resolution !== undefined && resolution !== 'NONE') {
    return {
      kind: lookup(CHARGEBACK_OUTCOMES, resolution) ?? 'chargeback_opened',
      reason: ipn.chargebackReasonCode ?? 'UNKNOWN',
      providerStatus: `${status}; CHARGEBACK_RESOLUTION=${resolution}`,
    };
  }
  if (ipn.fraudStatus === 'DENIED') {
    return {
      kind: 'payment_denied',
      reason: 'fraud_denied',
      providerStatus: `${status}; FRAUD_STATUS=DENIED`,
    };
  }
  if (!mapped) return { kind: 'unsupported', providerStatus: status };
  return mapped.reason === undefined
    ? { kind: mapped.kind, providerStatus: status }
    : { kind: mapped.kind, reason: mapped.reason, providerStatus: status };
}
