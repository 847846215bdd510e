import { decide, type LifecycleEvent, type OrderState } from '@clawback/order-machine';
import { machineInputs } from './machine-inputs';

function decideAll(orders: number) {
  const built = machineInputs({ orders, arrivalsPerOrder: 10, seed: 6, window: 50 });
  const states = new Map<string, OrderState>();
  const events: LifecycleEvent[] = [];
  for (const input of built.inputs) {
    if (input.type !== 'notification') continue;
    const key = input.notification.orderKey;
    const decision = decide(states.get(key), input, { orphanHorizonMs: 3_600_000 });
    states.set(key, decision.state);
    events.push(...decision.events);
  }
  return { built, states, events };
}

describe('machine benchmark inputs', () => {
  const { built, states, events } = decideAll(300);
  const count = (type: string) => events.filter((e) => e.type === type).length;

  it('given 300 orders, then builds 3,000 notifications, retries included', () => {
    expect(built.inputs).toHaveLength(3000);
    expect(built.retries).toBeGreaterThan(0);
    expect(states.size).toBe(300);
  });

  it('pays every order except the denied ones', () => {
    expect(count('OrderPaid')).toBe(300 - built.storyMix.denied);
    expect(count('PaymentDenied')).toBe(built.storyMix.denied);
  });

  it('rejects only the over-refunds and total-after-partial refunds the stories contain', () => {
    const reasons = events.flatMap((e) => (e.type === 'NotificationRejected' ? [e.reason] : []));
    const { overRefund, totalRefund } = built.storyMix;
    expect(reasons.filter((r) => r === 'over_refund')).toHaveLength(overRefund + totalRefund);
    expect(reasons.filter((r) => r === 'total_refund_after_partial')).toHaveLength(overRefund);
    expect(reasons).toHaveLength(2 * overRefund + totalRefund);
  });

  it('settles every dispute and parks nothing for good', () => {
    expect(count('ChargebackWon') + count('ChargebackLost')).toBe(count('ChargebackOpened'));
    expect([...states.values()].every((s) => s.parked.length === 0)).toBe(true);
  });
});
