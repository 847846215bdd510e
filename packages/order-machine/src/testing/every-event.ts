import type { LifecycleEvent } from '../events/lifecycle-event';
import type { OrderState } from '../state/order-state';
import { notification, pendingPayment, refund, sale } from './notifications';
import { run, type Step } from './scenario';

const lines = [{ lineId: 'p1', name: 'Course', quantity: 2, amount: 8000 }];

/** Deliveries that between them derive every lifecycle event type, optional fields set and not. */
const EVERY_EVENT_DELIVERIES: readonly (readonly Step[])[] = [
  [pendingPayment(5000), notification('payment_denied', { reason: 'fraud' })],
  [
    notification('payment_denied', { reason: 'echeck_returned' }),
    refund(100, { refundScope: 'partial', affiliate: { affiliateId: 'aff-3', commission: 10 } }),
  ],
  [
    refund(1000, { lines: [{ lineId: 'p1', name: 'Course', quantity: 1, amount: 4000 }] }),
    sale(10000, {
      lines,
      affiliate: { affiliateId: 'aff-1', commission: 1500 },
      subscriptionRefs: ['SUB-1'],
    }),
    notification('chargeback_opened', { reason: '4837' }),
    notification('chargeback_won'),
    notification('unsupported', { providerStatus: 'HOLD' }),
    notification('chargeback_lost', { amount: 9000 }),
    notification('subscription_ended', { subscriptionRefs: ['SUB-1'] }),
  ],
  [sale(500, { affiliate: { affiliateId: 'aff-2' } }), refund(500, { refundScope: 'total' })],
  // A refund parked past the horizon: reported overdue, still parked (its state round-trips).
  [refund(300), { watermark: '2030-01-01T00:00:00.000Z' }],
];

/** The events and final states of {@link EVERY_EVENT_DELIVERIES}. */
export function everyEvent(): { events: LifecycleEvent[]; states: OrderState[] } {
  const events: LifecycleEvent[] = [];
  const states: OrderState[] = [];
  for (const steps of EVERY_EVENT_DELIVERIES) {
    const result = run(steps);
    events.push(...result.events);
    if (result.state) states.push(result.state);
  }
  return { events, states };
}
