import type { CanonicalNotification } from '@clawback/notifications';
import { decide, type Decision, type DecideOptions, type OrderInput } from '../decide';
import type { LifecycleEvent } from '../events/lifecycle-event';
import type { OrderState } from '../state/order-state';

/** A week of provider time: the horizon the specs use. */
export const HORIZON_MS = 7 * 24 * 60 * 60 * 1000;

/** Options of every spec unless it says otherwise. */
export const OPTIONS: DecideOptions = { orphanHorizonMs: HORIZON_MS };

/** A notification or a watermark tick. */
export type Step = CanonicalNotification | { readonly watermark: string };

/** The {@link OrderInput} of a step. */
export function inputOf(step: Step): OrderInput {
  return 'watermark' in step
    ? { type: 'watermark', watermark: step.watermark }
    : { type: 'notification', notification: step };
}

/**
 * Every state and event of deciding `steps` in order from `state`. Ticks before the order has a
 * state are skipped, as a consumer ticks only orders it knows.
 */
export function run(
  steps: readonly Step[],
  state: OrderState | undefined = undefined,
  options: DecideOptions = OPTIONS,
): { readonly state: OrderState | undefined; readonly events: readonly LifecycleEvent[] } {
  let current = state;
  const events: LifecycleEvent[] = [];
  for (const step of steps) {
    if ('watermark' in step && current === undefined) continue;
    const decision = decide(current, inputOf(step), options);
    current = decision.state;
    events.push(...decision.events);
  }
  return { state: current, events };
}

/** The order's state after `steps`; throws if there was none. */
export function given(...steps: readonly Step[]): OrderState {
  const { state } = run(steps);
  if (state === undefined) throw new Error('given() needs at least one notification');
  return state;
}

/** Decides one step on `state`. */
export function when(state: OrderState | undefined, step: Step): Decision {
  return decide(state, inputOf(step), OPTIONS);
}

/** `state` without the fields every handled notification touches. */
export function businessFields(state: OrderState): Partial<OrderState> {
  const { version: _v, seenNotificationIds: _s, parked: _p, ...rest } = state;
  return rest;
}
