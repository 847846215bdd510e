import type { CanonicalNotification, OperatorCommand } from '@clawback/notifications';
import type { LifecycleEvent } from './events/lifecycle-event';
import { planOperatorCommand } from './lifecycle/operator-resolution';
import { isParked } from './lifecycle/parking';
import type { MachineEvent } from './machine/machine-event';
import { restoredState } from './machine/restore';
import { enterInitial, runTransition } from './machine/transition-table';
import { placedInTime } from './rules/provider-time';
import { isProviderTime, screen, unplaceable, type Arrival } from './rules/screen';
import { OrderMachineError } from './order-machine-error';
import { emptyOrderState, type OrderState } from './state/order-state';

/**
 * What drives an order: a notification from the log, or a provider-time watermark tick.
 *
 * The watermark is provider time derived from the log, never the wall clock (for example the
 * largest `occurredAt` the consumer has read from the partition), so replaying the log replays
 * the ticks and the orphan rejections they cause.
 */
export type OrderInput =
  | {
      readonly type: 'notification';
      readonly notification: CanonicalNotification;
      /**
       * The ingress's `receivedAt` stored with the raw record (ISO 8601). With it, a provider
       * time that is implausible is replaced by it (ADR 0020, `placedInTime`); without it (tools
       * and tests that have no ingress record) the provider time is taken as it is.
       */
      readonly receivedAt?: string;
    }
  | { readonly type: 'watermark'; readonly watermark: string }
  | { readonly type: 'operator'; readonly command: OperatorCommand };

/** Configuration of {@link decide}; it must stay the same for a replay to be identical. */
export interface DecideOptions {
  /** How long, in provider time, a notification may wait for its sale before it is an orphan. */
  readonly orphanHorizonMs: number;
}

/** The order's next state and the events to publish, in order. */
export interface Decision {
  readonly state: OrderState;
  readonly events: readonly LifecycleEvent[];
}

interface Step {
  readonly state: OrderState;
  readonly events: readonly LifecycleEvent[];
}

/**
 * One transition of the order machine: its transition table (ADR 0015), derived from the xstate
 * definition at load time and proven equal to xstate's `transition()` by a property test.
 */
function step(state: OrderState, event: MachineEvent): Step {
  return runTransition(state, event);
}

/** Screens a notification and feeds it to the machine; `null` for a duplicate. */
function dispatch(state: OrderState, n: CanonicalNotification, arrival: Arrival): Step | null {
  const screening = screen(state, n, arrival);
  if (screening.verdict === 'duplicate') return null;
  const event: MachineEvent =
    screening.verdict === 'rejected'
      ? { type: 'rejected', notification: n, rejection: screening.rejection }
      : { type: n.kind, notification: n };
  return step(state, event);
}

/**
 * Retries parked notifications, oldest first, until none can move: each one either stays parked
 * or leaves the queue (applied or rejected), and after any move the scan restarts from the
 * oldest, because the new state may be the one an earlier notification was waiting for.
 */
function drainParked(start: Step): Step {
  let current = start;
  for (let moved = true; moved;) {
    moved = false;
    for (const parked of current.state.parked) {
      const attempt = dispatch(current.state, parked, 'unparked');
      if (attempt === null || isParked(attempt.state, parked)) continue;
      current = { state: attempt.state, events: [...current.events, ...attempt.events] };
      moved = true;
      break;
    }
  }
  return current;
}

function startOrder(n: CanonicalNotification): OrderState {
  return enterInitial(emptyOrderState(n));
}

function checkOptions(options: DecideOptions): void {
  if (!Number.isSafeInteger(options.orphanHorizonMs) || options.orphanHorizonMs < 0)
    throw new OrderMachineError('invalid_input', `orphanHorizonMs ${options.orphanHorizonMs}`);
}

function onWatermark(state: OrderState | undefined, watermark: string, horizonMs: number): Step {
  if (state === undefined) throw new OrderMachineError('missing_state', 'watermark without state');
  if (!isProviderTime(watermark))
    throw new OrderMachineError('invalid_input', `watermark ${watermark} is not ISO 8601 UTC`);
  const event: MachineEvent = { type: 'watermark', watermarkMs: Date.parse(watermark), horizonMs };
  return step(restoredState(state), event);
}

function onNotification(
  state: OrderState | undefined,
  given: CanonicalNotification,
  receivedAt: string | undefined,
): Step {
  const n = receivedAt === undefined ? given : placedInTime(given, receivedAt);
  const problem = unplaceable(n);
  if (problem !== null) throw new OrderMachineError('unplaceable_notification', problem);
  const current = state === undefined ? startOrder(n) : restoredState(state);
  const applied = dispatch(current, n, 'fresh');
  return applied === null ? { state: current, events: [] } : drainParked(applied);
}

/** An operator command (ADR 0014): planned in operator-resolution.ts, then decided as usual. */
function onOperator(state: OrderState | undefined, command: OperatorCommand): Step {
  const problem = command.subject === null ? null : unplaceable(command.subject);
  if (problem !== null || !isProviderTime(command.issuedAt))
    throw new OrderMachineError('unplaceable_notification', problem ?? 'issuedAt is not ISO UTC');
  const plan = planOperatorCommand(state, command);
  if (plan.kind === 'duplicate')
    return { state: restoredState(state ?? emptyOrderState(command)), events: [] };
  const planned = restoredState(plan.state);
  if (plan.kind === 'recorded') return { state: planned, events: [] };
  if (plan.kind === 'refused')
    return step(planned, {
      type: 'rejected',
      notification: plan.cause,
      rejection: plan.rejection,
    });
  const applied = dispatch(planned, plan.notification, 'fresh');
  return applied === null ? { state: planned, events: [] } : drainParked(applied);
}

/**
 * Decides what one input does to one order: the next state and the derived events. Pure and
 * deterministic: equal arguments give equal results, byte for byte once serialized, and
 * restoring a returned state later decides exactly as if the process had never stopped.
 *
 * @param state the order's latest state, or `undefined` before its first notification
 * @throws OrderMachineError for input that cannot be decided on (see its codes); order facts
 *   that break a rule are never thrown, they become `NotificationRejected` events
 */
export function decide(
  state: OrderState | undefined,
  input: OrderInput,
  options: DecideOptions,
): Decision {
  checkOptions(options);
  const result =
    input.type === 'watermark'
      ? onWatermark(state, input.watermark, options.orphanHorizonMs)
      : input.type === 'operator'
        ? onOperator(state, input.command)
        : onNotification(state, input.notification, input.receivedAt);
  return result;
}
