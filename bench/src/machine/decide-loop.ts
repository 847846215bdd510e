import {
  decide,
  type DecideOptions,
  type OrderInput,
  type OrderState,
} from '@clawback/order-machine';
import { nowMs } from '../stats/stopwatch';

/** Decides inputs chunk by chunk, keeping each order's latest state as the consumer does. */
export interface DecideLoop {
  /** Decides `inputs` in log order; returns the milliseconds it took. */
  run(inputs: readonly OrderInput[]): number;
  readonly events: number;
  readonly eventsByType: Readonly<Record<string, number>>;
  readonly orders: number;
  /** Drops the states, so the heap they held can be measured by difference. */
  release(): void;
}

/** A {@link DecideLoop} with empty state. */
export function decideLoop(options: DecideOptions): DecideLoop {
  let states = new Map<string, OrderState>();
  const eventsByType: Record<string, number> = {};
  let events = 0;
  return {
    run(inputs) {
      const start = nowMs();
      for (const input of inputs) {
        if (input.type !== 'notification') continue;
        const key = input.notification.orderKey;
        const decision = decide(states.get(key), input, options);
        states.set(key, decision.state);
        events += decision.events.length;
        for (const event of decision.events)
          eventsByType[event.type] = (eventsByType[event.type] ?? 0) + 1;
      }
      return nowMs() - start;
    },
    get events() {
      return events;
    },
    eventsByType,
    get orders() {
      return states.size;
    },
    release() {
      states = new Map();
    },
  };
}
