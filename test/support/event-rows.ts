import type { LifecycleEvent } from '@clawback/order-machine';

/** The money-relevant fields of a lifecycle event, for exact assertions in a few lines. */
export interface EventRow {
  readonly sequence: number;
  readonly type: LifecycleEvent['type'];
  readonly currency: string;
  readonly amount?: number;
  readonly refundedTotal?: number;
  readonly remaining?: number;
  readonly kind?: string;
  readonly reason?: string | null;
}

/** One {@link EventRow} per event; fields an event type does not have are left out. */
export function eventRows(events: readonly LifecycleEvent[]): EventRow[] {
  return events.map((event) => {
    const row = { sequence: event.sequence, type: event.type, currency: event.currency };
    switch (event.type) {
      case 'RefundApplied':
        return {
          ...row,
          amount: event.amount,
          refundedTotal: event.refundedTotal,
          remaining: event.remaining,
          kind: event.kind,
        };
      case 'NotificationRejected':
      case 'PaymentDenied':
        return { ...row, amount: event.amount, reason: event.reason };
      case 'SubscriptionEnded':
        return row;
      default:
        return { ...row, amount: event.amount };
    }
  });
}
