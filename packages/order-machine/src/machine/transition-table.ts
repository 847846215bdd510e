import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import type { Outcome } from '../events/derive-events';
import type { LifecycleEvent } from '../events/lifecycle-event';
import { OrderMachineError } from '../order-machine-error';
import type { OrderState } from '../state/order-state';
import { APPLIERS, GUARDS, markStatus, type Applier, type Guard } from './appliers';
import type { MachineEvent } from './machine-event';
import { orderMachine } from './order-machine';

/** One action to run, resolved to its pure applier. */
interface Step {
  readonly apply: Applier<unknown>;
  readonly params: unknown;
}

/** A candidate transition: taken when its guard passes (or it has none); runs its steps. */
interface Candidate {
  readonly guard: Guard | null;
  readonly steps: readonly Step[];
}

/** A state's candidates per event type, in xstate's priority order, and for any other type. */
interface Row {
  readonly byType: ReadonlyMap<string, readonly Candidate[]>;
  readonly otherwise: readonly Candidate[];
}

const appliers: Readonly<Record<string, Applier<unknown>>> = {
  ...(APPLIERS as Record<string, Applier<unknown>>),
  markStatus: markStatus as Applier<unknown>,
};
const guards: Readonly<Record<string, Guard>> = GUARDS;

/** The table cannot express this machine: a feature was added that it does not execute. */
function unsupported(what: string): never {
  throw new OrderMachineError('invalid_state', `transition table: ${what} is not supported`);
}

function stepOf(action: unknown, where: string): Step {
  const { type, params } =
    typeof action === 'string'
      ? { type: action, params: undefined }
      : (action as { readonly type?: unknown; readonly params?: unknown });
  const apply = typeof type === 'string' ? appliers[type] : undefined;
  if (apply === undefined) return unsupported(`action ${String(type)} in ${where}`);
  return { apply, params };
}

function guardOf(guard: unknown, where: string): Guard | null {
  if (guard === undefined) return null;
  const found = typeof guard === 'string' ? guards[guard] : undefined;
  return found ?? unsupported(`guard ${JSON.stringify(guard)} in ${where}`);
}

function checkNode(node: AnyStateNode): void {
  const where = node.id;
  if (node.always !== undefined || node.after.length > 0)
    unsupported(`eventless or delayed ${where}`);
  if (node.invoke.length > 0 || node.history !== false) unsupported(`invoke or history ${where}`);
  if (node.exit.length > 0) unsupported(`exit actions of ${where}`);
}

/** Exit (none), the transition's actions, then the target's entry: xstate's microstep order. */
function candidateOf(t: AnyTransitionDefinition, source: AnyStateNode): Candidate {
  const where = `${source.id} on ${t.eventType}`;
  const target = t.target?.[0];
  if ((t.target?.length ?? 0) > 1) unsupported(`several targets in ${where}`);
  if (target !== undefined && (target === source || target.parent !== source.machine.root))
    unsupported(`target ${target.id} of ${where}`);
  if (t.reenter) unsupported(`reenter in ${where}`);
  const entry = target === undefined ? [] : target.entry.map((a) => stepOf(a, target.id));
  return {
    guard: guardOf(t.guard, where),
    steps: [...t.actions.map((a) => stepOf(a, where)), ...entry],
  };
}

/** xstate's candidates of one node: the exact event type first, then the `*` wildcard. */
function nodeCandidates(node: AnyStateNode, type: string): Candidate[] {
  const exact = type === '*' ? [] : (node.transitions.get(type) ?? []);
  const wildcard = node.transitions.get('*') ?? [];
  return [...exact, ...wildcard].map((t) => candidateOf(t, node));
}

/**
 * Derives the table from the machine definition: for every state and event type, the atomic
 * state's candidates followed by the root's (a child's transitions win; when none is enabled
 * xstate falls back to the parent's). Throws at load time on any feature it does not execute.
 */
function deriveTable(): { rows: ReadonlyMap<string, Row>; initial: readonly Step[] } {
  const root = orderMachine.root;
  if (root.entry.length > 0 || root.exit.length > 0) unsupported('root entry or exit actions');
  const types = new Set<string>();
  const states = Object.values(root.states);
  for (const node of [root, ...states]) {
    for (const key of node.transitions.keys()) if (key !== '*') types.add(key);
    if ([...node.transitions.keys()].some((k) => k !== '*' && k.includes('*')))
      unsupported(`partial wildcard in ${node.id}`);
  }
  const rows = new Map<string, Row>();
  for (const node of states) {
    checkNode(node);
    if (node.type !== 'atomic') unsupported(`${node.type} state ${node.id}`);
    const row = (type: string) => [...nodeCandidates(node, type), ...nodeCandidates(root, type)];
    rows.set(node.key, {
      byType: new Map([...types].map((type) => [type, row(type)])),
      otherwise: row('*'),
    });
  }
  const initial = root.initial.target[0];
  if (initial === undefined || root.initial.actions.length > 0) unsupported('initial transition');
  return { rows, initial: initial.entry.map((a) => stepOf(a, initial.id)) };
}

const TABLE = deriveTable();

/**
 * Context update of an xstate `assign` whose assigner returned `next`: xstate makes
 * `Object.assign({}, context, next)`, the previous context's keys in their order, overwritten.
 * Every applier builds its state by spreading the one it was given (`{ ...state, … }`), which
 * keeps exactly those keys in that order, so that copy equals `next` and is skipped. The
 * agreement property test (transition-table.unit.test.ts) feeds states with shuffled key
 * orders and fails if an applier ever builds its state another way.
 */
function assigned(next: OrderState): OrderState {
  return next;
}

function runSteps(state: OrderState, event: MachineEvent, steps: readonly Step[]): Outcome {
  // Most transitions run one action and enter no state: its outcome is the transition's.
  const only = steps.length === 1 ? steps[0] : undefined;
  if (only !== undefined) return only.apply(state, event, only.params);
  let context = state;
  let events: LifecycleEvent[] | readonly LifecycleEvent[] = [];
  for (const step of steps) {
    const outcome = step.apply(context, event, step.params);
    context = assigned(outcome.state);
    if (outcome.events.length > 0)
      events = events.length === 0 ? outcome.events : [...events, ...outcome.events];
  }
  return { state: context, events };
}

/**
 * What `transition(orderMachine, snapshot, event)` does to the context, and the events of its
 * `emit` actions, without building an actor scope or a snapshot: the first candidate of the
 * state's row whose guard passes runs; with none, nothing changes (as in xstate).
 */
export function runTransition(state: OrderState, event: MachineEvent): Outcome {
  const row = TABLE.rows.get(state.status);
  if (row === undefined)
    throw new OrderMachineError('invalid_state', `unknown order status ${String(state.status)}`);
  const candidates = row.byType.get(event.type) ?? row.otherwise;
  for (const candidate of candidates)
    if (candidate.guard === null || candidate.guard(state, event))
      return runSteps(state, event, candidate.steps);
  return { state, events: [] };
}

/** What `initialTransition(orderMachine, input)` makes the context: the input, initial state entered. */
export function enterInitial(input: OrderState): OrderState {
  // The machine's context is its input (`context: ({ input }) => input`); entry actions ignore
  // the event, which xstate makes `xstate.init`.
  const init = { type: 'xstate.init' } as unknown as MachineEvent;
  return runSteps(input, init, TABLE.initial).state;
}
