import type { CanonicalNotification, OperatorCommand } from '@clawback/notifications';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { LifecycleEvent } from './events/lifecycle-event';
import { planOperatorCommand } from './lifecycle/operator-resolution';
import { isParked } from './lifecycle/parking';
import type { MachineEvent } from './machine/machine-event';
import { orderMachine } from './machine/order-machine';
import { restoreSnapshot } from './machine/restore';
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
  | { readonly type: 'notification'; readonly notification: CanonicalNotification }
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

type Snapshot = SnapshotFrom<typeof orderMachine>;

interface Step {
  readonly snapshot: Snapshot;
  readonly events: readonly LifecycleEvent[];
}

/** The derived events of a pure transition: the `emit` actions, never executed. */
function emitted(actions: ReadonlyArray<{ type: string; params?: unknown }>): LifecycleEvent[] {
  return actions
    .filter((action) => action.type === 'xstate.emit')
    .map((action) => (action.params as { event: LifecycleEvent }).event);
}

function step(snapshot: Snapshot, event: MachineEvent): Step {
  const [next, actions] = transition(orderMachine, snapshot, event);
  return { snapshot: next, events: emitted(actions) };
}

/** Screens a notification and feeds it to the machine; `null` for a duplicate. */
function dispatch(snapshot: Snapshot, n: CanonicalNotification, arrival: Arrival): Step | null {
  const screening = screen(snapshot.context, n, arrival);
  if (screening.verdict === 'duplicate') return null;
  const event: MachineEvent =
    screening.verdict === 'rejected'
      ? { type: 'rejected', notification: n, rejection: screening.rejection }
      : { type: n.kind, notification: n };
  return step(snapshot, event);
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
    for (const parked of current.snapshot.context.parked) {
      const attempt = dispatch(current.snapshot, parked, 'unparked');
      if (attempt === null || isParked(attempt.snapshot.context, parked)) continue;
      current = { snapshot: attempt.snapshot, events: [...current.events, ...attempt.events] };
      moved = true;
      break;
    }
  }
  return current;
}

function startOrder(n: CanonicalNotification): Snapshot {
  const [snapshot] = initialTransition(orderMachine, emptyOrderState(n));
  return snapshot;
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
  return step(restoreSnapshot(state), event);
}

function onNotification(state: OrderState | undefined, n: CanonicalNotification): Step {
  const problem = unplaceable(n);
  if (problem !== null) throw new OrderMachineError('unplaceable_notification', problem);
  const snapshot = state === undefined ? startOrder(n) : restoreSnapshot(state);
  const applied = dispatch(snapshot, n, 'fresh');
  return applied === null ? { snapshot, events: [] } : drainParked(applied);
}

/** An operator command (ADR 0014): planned in operator-resolution.ts, then decided as usual. */
function onOperator(state: OrderState | undefined, command: OperatorCommand): Step {
  const problem = command.subject === null ? null : unplaceable(command.subject);
  if (problem !== null || !isProviderTime(command.issuedAt))
    throw new OrderMachineError('unplaceable_notification', problem ?? 'issuedAt is not ISO UTC');
  const plan = planOperatorCommand(state, command);
  if (plan.kind === 'duplicate')
    return { snapshot: restoreSnapshot(state ?? emptyOrderState(command)), events: [] };
  const snapshot = restoreSnapshot(plan.state);
  if (plan.kind === 'recorded') return { snapshot, events: [] };
  if (plan.kind === 'refused')
    return step(snapshot, {
      type: 'rejected',
      notification: plan.cause,
      rejection: plan.rejection,
    });
  const applied = dispatch(snapshot, plan.notification, 'fresh');
  return applied === null ? { snapshot, events: [] } : drainParked(applied);
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
        : onNotification(state, input.notification);
  return { state: result.snapshot.context, events: result.events };
}
