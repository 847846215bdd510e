import type { Outcome } from '../events/derive-events';
import type { LifecycleEvent } from '../events/lifecycle-event';
import type { OrderState } from '../state/order-state';
import type { MachineEvent } from './machine-event';

/** The part of xstate's `enqueue` an applier's outcome needs. */
interface Enqueue {
  assign(assigner: () => OrderState): void;
  emit(event: LifecycleEvent): void;
}

/**
 * Commits a pure applier's outcome: the new state becomes the context and each derived event
 * an `emit` action, which `transition()` hands back as data instead of executing.
 */
function commit(enqueue: Enqueue, outcome: Outcome): void {
  enqueue.assign(() => outcome.state);
  for (const derived of outcome.events) enqueue.emit(derived);
}

/** What an `enqueueActions` callback receives, as far as {@link outcomeOf} needs it. */
export interface EnqueueArgs {
  readonly context: OrderState;
  readonly event: MachineEvent;
  readonly enqueue: Enqueue;
}

/** An `enqueueActions` callback applying `apply` to the context, the event and the params. */
export function outcomeOf<P>(
  apply: (state: OrderState, event: MachineEvent, params: P) => Outcome,
): (args: EnqueueArgs, params: P) => void {
  return ({ context, event, enqueue }, params) => commit(enqueue, apply(context, event, params));
}

/** No change, no event. */
export function unchanged(state: OrderState): Outcome {
  return { state, events: [] };
}
