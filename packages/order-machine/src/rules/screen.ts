import { isCurrencyCode } from '@clawback/money';
import type { CanonicalNotification } from '@clawback/notifications';
import { isUsualProviderTime } from '../events/normalized-time';
import { hasId } from '../state/notification-ids';
import type { OrderState } from '../state/order-state';
import type { Rejection } from './rejection-reason';

/** Where a notification comes from: the log, or the order's own parking queue. */
export type Arrival = 'fresh' | 'unparked';

/** What screening decided before the state-specific rules run. */
export type Screening =
  | { readonly verdict: 'duplicate' }
  | { readonly verdict: 'rejected'; readonly rejection: Rejection }
  | { readonly verdict: 'admitted' };

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/** True for a provider time the machine can order and normalize: ISO 8601 UTC with `Z`. */
export function isProviderTime(text: string): boolean {
  if (isUsualProviderTime(text)) return true;
  return ISO_UTC.test(text) && !Number.isNaN(Date.parse(text));
}

const isMinorUnits = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/**
 * Why a notification cannot even be placed in the order's history (no id to derive event ids
 * from, no provider time to stamp events with), or `null`. Such input is an adapter bug: the
 * caller gets an error and dead-letters the record instead of an event.
 */
export function unplaceable(n: CanonicalNotification): string | null {
  if (n.notificationId === '') return 'empty notificationId';
  if (!isProviderTime(n.occurredAt)) return `occurredAt ${n.occurredAt} is not ISO 8601 UTC`;
  return null;
}

/**
 * `orderKey === orderKeyOf(provider, merchantId, orderRef)` without building the key: this runs
 * for every notification, and the string it would build is garbage at once (ADR 0015).
 */
function isOrderKeyOf(n: CanonicalNotification): boolean {
  const { orderKey, provider, merchantId, orderRef } = n;
  const afterProvider = provider.length;
  const afterMerchant = afterProvider + 1 + merchantId.length;
  return (
    orderKey.length === afterMerchant + 1 + orderRef.length &&
    orderKey.startsWith(provider) &&
    orderKey.charCodeAt(afterProvider) === COLON &&
    orderKey.startsWith(merchantId, afterProvider + 1) &&
    orderKey.charCodeAt(afterMerchant) === COLON &&
    orderKey.endsWith(orderRef)
  );
}

const COLON = 58;

function hasInvalidLine(n: CanonicalNotification): boolean {
  for (const line of n.lines)
    if (!isMinorUnits(line.amount) || !isMinorUnits(line.quantity)) return true;
  return false;
}

/** What makes a notification unusable whatever the order's state, or `null`. */
function malformation(n: CanonicalNotification): string | null {
  if (!isOrderKeyOf(n))
    return `orderKey ${n.orderKey} does not match provider, merchantId and orderRef`;
  if (!isCurrencyCode(n.currency)) return `currency ${n.currency} is not an ISO 4217 code`;
  if (!isMinorUnits(n.amount)) return `amount ${n.amount} is not a non-negative safe integer`;
  if (hasInvalidLine(n)) return 'a line has a negative or non-integer amount or quantity';
  const commission = n.affiliate?.commission;
  if (commission !== undefined && !isMinorUnits(commission))
    return `affiliate commission ${commission} is not a non-negative safe integer`;
  return null;
}

/** Subscription notifications carry no money, so their currency is not held against the order. */
const movesMoney = (n: CanonicalNotification): boolean => n.kind !== 'subscription_ended';

/** Not a closure inside {@link screen}: `tsx` names every local function at each call. */
function rejected(rejection: Rejection): Screening {
  return { verdict: 'rejected', rejection };
}

/** The verdicts without data are shared, not allocated per notification. */
const DUPLICATE: Screening = Object.freeze({ verdict: 'duplicate' });
const ADMITTED: Screening = Object.freeze({ verdict: 'admitted' });

/**
 * The checks that hold in every state, in order: duplicates (only for fresh arrivals: a parked
 * notification was seen when it was parked), another order's notification, malformed values,
 * unsupported kinds, a currency other than the order's.
 */
export function screen(state: OrderState, n: CanonicalNotification, arrival: Arrival): Screening {
  if (arrival === 'fresh' && hasId(state.seenNotificationIds, n.notificationId)) return DUPLICATE;
  if (n.orderKey !== state.orderKey)
    return rejected({
      reason: 'order_mismatch',
      detail: `for ${n.orderKey}, not ${state.orderKey}`,
    });
  const malformed = malformation(n);
  if (malformed !== null) return rejected({ reason: 'invalid_notification', detail: malformed });
  if (n.kind === 'unsupported')
    return rejected({
      reason: 'unsupported_notification',
      detail: `provider status ${n.providerStatus} is not supported`,
    });
  if (state.currency !== null && movesMoney(n) && n.currency !== state.currency)
    return rejected({
      reason: 'currency_mismatch',
      detail: `${n.currency} on an order in ${state.currency}`,
    });
  return ADMITTED;
}
