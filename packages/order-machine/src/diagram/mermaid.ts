import type { AnyStateMachine, AnyTransitionDefinition } from 'xstate';

/** The name of a guard or an action however the machine refers to it. */
function nameOf(ref: unknown): string {
  if (typeof ref === 'string') return ref;
  if (typeof ref === 'object' && ref !== null && 'type' in ref) return String(ref.type);
  if (typeof ref === 'function' && ref.name !== '') return ref.name;
  return 'inline';
}

/** `[guard] / action, action` for a transition, without its event. */
function effect(t: AnyTransitionDefinition): string {
  const guard = t.guard === undefined ? '' : ` [${nameOf(t.guard)}]`;
  const actions = t.actions.map(nameOf).join(', ');
  return `${guard}${actions === '' ? '' : ` / ${actions}`}`;
}

interface Edge {
  readonly source: string;
  readonly target: string;
  readonly effect: string;
  readonly events: string[];
}

/** Every transition of every top-level state, events with the same path and effect grouped. */
function edges(machine: AnyStateMachine): Edge[] {
  const grouped = new Map<string, Edge>();
  for (const [source, node] of Object.entries(machine.root.states)) {
    for (const [event, transitions] of node.transitions) {
      for (const t of transitions) {
        const target = t.target?.[0]?.key ?? source;
        const edge = { source, target, effect: effect(t), events: [] as string[] };
        const key = `${edge.source}\u0000${edge.target}\u0000${edge.effect}`;
        const existing = grouped.get(key) ?? edge;
        existing.events.push(event);
        grouped.set(key, existing);
      }
    }
  }
  return [...grouped.values()];
}

/**
 * A Mermaid `stateDiagram-v2` of the machine's states and per-state transitions, each labelled
 * `event [guard] / actions`. Transitions every state shares are listed by
 * {@link renderSharedTransitions} instead, as they would draw an edge from every state.
 */
export function renderStateDiagram(machine: AnyStateMachine): string {
  const initial = machine.root.initial.target.map((node) => node.key).join(', ');
  const lines = ['stateDiagram-v2', `  [*] --> ${initial}`];
  for (const e of edges(machine)) {
    lines.push(`  ${e.source} --> ${e.target} : ${e.events.join(', ')}${e.effect}`);
  }
  return lines.join('\n');
}

/** A Markdown list of the transitions defined on the machine itself, which apply in every state. */
export function renderSharedTransitions(machine: AnyStateMachine): string {
  const lines: string[] = [];
  for (const [event, transitions] of machine.root.transitions) {
    for (const t of transitions) lines.push(`- \`${event}${effect(t)}\``);
  }
  return lines.join('\n');
}
