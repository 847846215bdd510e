import { mulDivRound } from '@clawback/money';
import type { Case } from '../../cases/case';
import type { TimelineEntry } from '../../timeline/timeline-entry';
import { money } from '../format';

/** What an order's timeline says about its money: paid, refunded, and each affiliate's share. */
interface OrderMoney {
  readonly currency: string | null;
  readonly paid: number;
  readonly refunded: number;
  /** Affiliate → `[earned, reversed]` after the order's last adjustment. */
  readonly commissions: ReadonlyMap<string, readonly [number, number]>;
}

function orderMoney(entries: readonly TimelineEntry[]): OrderMoney {
  let paid = 0;
  let refunded = 0;
  let currency: string | null = null;
  const commissions = new Map<string, readonly [number, number]>();
  for (const e of entries) {
    if (e.kind === 'event' && e.type === 'OrderPaid' && e.amount !== null) {
      paid += e.amount;
      currency = e.currency;
    }
    if (e.kind === 'event' && e.refundedTotal !== null) refunded = e.refundedTotal;
    if (e.kind === 'commission_adjustment')
      commissions.set(e.affiliateId, [e.earnedTotal, e.reversedTotal]);
  }
  return { currency, paid, refunded, commissions };
}

/**
 * The commission a refund bringing the order to `refundedAfter` reverses, per affiliate: the
 * ledger reverses the cumulative refunded share of what was earned (ADR 0007), so the estimate
 * is `round(earned × refundedAfter / paid) − reversed`.
 */
function reversals(order: OrderMoney, refundedAfter: number): string[] {
  if (order.paid <= 0) return [];
  return [...order.commissions].flatMap(([affiliate, [earned, reversed]]) => {
    const reverse = mulDivRound(earned, Math.min(refundedAfter, order.paid), order.paid) - reversed;
    return reverse > 0
      ? [`reverses ${money(reverse, order.currency)} commission for ${affiliate}`]
      : [];
  });
}

/** What a redrive does to money: nothing by itself; the notification is processed again. */
export const REDRIVE_EFFECT =
  'republishes the original notification unchanged: it moves money only as it would have on arrival';

/** What a cancellation redrive does: one more attempt to cancel; no money moves (ADR 0019). */
export const CANCELLATION_REDRIVE_EFFECT =
  'attempts the failed subscription cancellation once more (unless it has been cancelled since): it moves no money';

/**
 * The sentence a confirmation shows: what the resolution does to money, e.g. "applies a
 * refund of 47.00 USD to kartra:m:S-1; reverses 16.45 USD commission for aff-maria".
 * Commission figures are the ledger's rule applied to the target order's timeline so far.
 *
 * @param target the timeline of the order the resolution acts on (`undefined` if unknown).
 */
export function moneyEffect(
  c: Case,
  resolution: string,
  targetKey: string,
  target: readonly TimelineEntry[] | undefined,
): string {
  const amount = money(c.amounts.amount, c.amounts.currency);
  if (resolution === 'dismiss')
    return `moves no money: closes the case; the ${amount} it is about is never applied`;
  if (resolution === 'redrive') return REDRIVE_EFFECT;
  const order = orderMoney(target ?? []);
  if (resolution === 'apply') {
    const remainder = Math.max(0, order.paid - order.refunded);
    return [
      `applies the refund as the remainder of ${targetKey}: ${money(remainder, order.currency ?? c.amounts.currency)} (the notification said ${amount})`,
      ...reversals(order, order.paid),
    ].join('; ');
  }
  const refundedAfter = order.refunded + (c.amounts.amount ?? 0);
  return [
    `applies ${amount} to ${targetKey}${target === undefined ? ' (an order this console has not seen)' : ''}`,
    ...reversals(order, refundedAfter),
  ].join('; ');
}
