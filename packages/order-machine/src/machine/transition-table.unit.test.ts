import type { CanonicalNotification, NotificationKind } from '@clawback/notifications';
import fc from 'fast-check';
import { initialTransition, transition } from 'xstate';
import type { LifecycleEvent } from '../events/lifecycle-event';
import { REJECTION_REASONS } from '../rules/rejection-reason';
import { emptyOrderState, ORDER_STATUSES, type OrderState } from '../state/order-state';
import { arbitraryDelivery } from '../testing/arbitraries';
import { sale } from '../testing/notifications';
import { OPTIONS, run, type Step } from '../testing/scenario';
import type { MachineEvent } from './machine-event';
import { orderMachine } from './order-machine';
import { enterInitial, runTransition } from './transition-table';

const KINDS: readonly NotificationKind[] = [
  'payment_pending',
  'payment_completed',
  'refund',
  'chargeback_opened',
  'chargeback_won',
  'chargeback_lost',
  'payment_denied',
  'subscription_ended',
  'unsupported',
];

/** The reference: xstate's own pure transition on the restored snapshot. */
function viaXstate(state: OrderState, event: MachineEvent) {
  const snapshot = orderMachine.resolveState({ value: state.status, context: state });
  const [next, actions] = transition(orderMachine, snapshot, event);
  const events = (actions as ReadonlyArray<{ type: string; params?: unknown }>)
    .filter((a) => a.type === 'xstate.emit')
    .map((a) => (a.params as { event: LifecycleEvent }).event);
  return { state: next.context, events };
}

/** Byte-identical, key order included: what replay promises. */
function expectAgreement(state: OrderState, event: MachineEvent): void {
  const ours = runTransition(state, event);
  const reference = viaXstate(state, event);
  expect(JSON.stringify(ours.state)).toBe(JSON.stringify(reference.state));
  expect(JSON.stringify(ours.events)).toBe(JSON.stringify(reference.events));
}

/** Every event the machine can receive, built around `n`. */
function everyEvent(n: CanonicalNotification, watermarkMs: number): MachineEvent[] {
  const reason = REJECTION_REASONS[n.notificationId.length % REJECTION_REASONS.length]!;
  return [
    ...KINDS.map((kind) => ({ type: kind, notification: { ...n, kind } })),
    { type: 'rejected', notification: n, rejection: { reason, detail: 'screened' } },
    { type: 'watermark', watermarkMs, horizonMs: OPTIONS.orphanHorizonMs },
  ];
}

/**
 * The same state with its keys in another order (as a decoder might lay it out): xstate keeps
 * the previous context's key order, and so must the table.
 */
function reordered(state: OrderState, salt: number): OrderState {
  const keys = Object.keys(state);
  const turn = salt % keys.length;
  const order = [...keys.slice(turn), ...keys.slice(0, turn)];
  if (salt % 2 === 1) order.reverse();
  return Object.fromEntries(
    order.map((k) => [k, state[k as keyof OrderState]]),
  ) as unknown as OrderState;
}

const notificationsOf = (steps: readonly Step[]): CanonicalNotification[] =>
  steps.filter((s): s is CanonicalNotification => !('watermark' in s));

describe('the transition table derived from the order machine', () => {
  it('starts an order exactly as initialTransition does', () => {
    fc.assert(
      fc.property(arbitraryDelivery, (steps) => {
        for (const n of notificationsOf(steps)) {
          const [snapshot] = initialTransition(orderMachine, emptyOrderState(n));
          expect(JSON.stringify(enterInitial(emptyOrderState(n)))).toBe(
            JSON.stringify(snapshot.context),
          );
        }
      }),
    );
  });

  it('agrees with xstate transition() on every state × event, from states real deliveries reach', () => {
    const covered = new Set<string>();
    fc.assert(
      fc.property(arbitraryDelivery, fc.nat(), (steps, cut) => {
        const ns = notificationsOf(steps);
        const reached = run(steps.slice(0, cut % (steps.length + 1))).state;
        const n = ns[cut % ns.length];
        if (reached === undefined || n === undefined) return;
        for (const status of ORDER_STATUSES) {
          const state = reordered({ ...reached, status }, cut);
          for (const event of everyEvent(n, Date.parse(n.occurredAt) + cut)) {
            expectAgreement(state, event);
            covered.add(`${status}/${event.type}`);
          }
        }
      }),
      { numRuns: 100 },
    );
    expect(covered.size).toBe(ORDER_STATUSES.length * (KINDS.length + 2));
  });

  it('follows the same path as xstate over random sequences of machine events', () => {
    fc.assert(
      fc.property(arbitraryDelivery, fc.array(fc.nat()), (steps, picks) => {
        const ns = notificationsOf(steps);
        const first = ns[0];
        if (first === undefined) return;
        let ours = enterInitial(emptyOrderState(first));
        let reference = initialTransition(orderMachine, emptyOrderState(first))[0].context;
        for (const [i, n] of ns.entries()) {
          const options = everyEvent(n, Date.parse(n.occurredAt));
          const event = options[(picks[i] ?? i) % options.length]!;
          const a = runTransition(ours, event);
          const b = viaXstate(reference, event);
          expect(JSON.stringify(a)).toBe(JSON.stringify(b));
          ours = a.state;
          reference = b.state;
        }
      }),
    );
  });

  it('refuses a state the machine does not have', () => {
    const state = { ...emptyOrderState(sale(100)), status: 'archived' } as unknown as OrderState;
    expect(() => runTransition(state, { type: 'watermark', watermarkMs: 0, horizonMs: 0 })).toThrow(
      expect.objectContaining({ code: 'invalid_state' }) as Error,
    );
  });
});
