import { defaultLifecycleSettings } from '@clawback/order-lifecycle';
import { decide, type LifecycleEvent, type OrderState } from '@clawback/order-machine';
import { machineInputs } from '../machine/machine-inputs';

/** The events of {@link lifecycleLog} and their mix. */
export interface LifecycleLog {
  readonly events: readonly LifecycleEvent[];
  readonly orders: number;
  readonly eventsByType: Readonly<Record<string, number>>;
}

/**
 * The first `count` lifecycle events the order machine derives from the synthetic
 * notification log (the machine benchmark's stories, retries included), in log order: the
 * mix of `orders.lifecycle.events` downstream consumers really read (sales, partial and full
 * refunds, chargebacks, denials, rejections), with the lifecycle's orphan horizon.
 */
export function lifecycleLog(count: number, seed: number): LifecycleLog {
  // Stories average about 8 events; 6 leaves room, and deciding stops at `count`.
  const { inputs } = machineInputs({ orders: Math.ceil(count / 6), arrivalsPerOrder: 10, seed });
  const options = { orphanHorizonMs: defaultLifecycleSettings.orphanHorizonMs };
  const states = new Map<string, OrderState>();
  const events: LifecycleEvent[] = [];
  const eventsByType: Record<string, number> = {};
  for (const input of inputs) {
    if (events.length >= count) break;
    if (input.type !== 'notification') continue;
    const key = input.notification.orderKey;
    const decision = decide(states.get(key), input, options);
    states.set(key, decision.state);
    for (const event of decision.events.slice(0, count - events.length)) {
      events.push(event);
      eventsByType[event.type] = (eventsByType[event.type] ?? 0) + 1;
    }
  }
  if (events.length < count) throw new Error(`only ${events.length} of ${count} events derived`);
  return { events, orders: states.size, eventsByType };
}
