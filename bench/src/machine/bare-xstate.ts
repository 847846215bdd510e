import { assign, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import { nowMs } from '../stats/stopwatch';

/**
 * The baseline the order machine is built on: XState's pure `transition()` on a machine that
 * does the least a transition can (count the event), with snapshots kept per order as the
 * real consumer keeps states. What our machine costs beyond this is our own code.
 */
const bareMachine = setup({
  types: { context: {} as { readonly count: number }, events: {} as { readonly type: string } },
}).createMachine({
  context: { count: 0 },
  initial: 'open',
  states: {
    open: { on: { '*': { actions: assign({ count: ({ context }) => context.count + 1 }) } } },
  },
});

type BareSnapshot = SnapshotFrom<typeof bareMachine>;

/** One bare transition to make: the order's key and the event. */
export interface BareEvent {
  readonly orderKey: string;
  readonly event: { readonly type: string };
}

/** Runs events through their orders' bare machines, chunk by chunk; `run` returns milliseconds. */
export function bareLoop(): { run(events: readonly BareEvent[]): number } {
  const snapshots = new Map<string, BareSnapshot>();
  return {
    run(events) {
      const start = nowMs();
      for (const { orderKey, event } of events) {
        const current = snapshots.get(orderKey) ?? initialTransition(bareMachine)[0];
        snapshots.set(orderKey, transition(bareMachine, current, event)[0]);
      }
      return nowMs() - start;
    },
  };
}
