import fc from 'fast-check';
import type { LifecycleEvent } from '../events/lifecycle-event';
import type { OrderState } from '../state/order-state';
import { arbitraryDelivery, arbitraryValidDelivery } from '../testing/arbitraries';
import { businessFields, inputOf, run, type Step } from '../testing/scenario';
import { decide } from '../decide';

const OPTIONS = { orphanHorizonMs: 3 * 24 * 60 * 60 * 1000 };

/** Decides step by step, recording each state and the events of each step. */
function trace(steps: readonly Step[]) {
  const states: (OrderState | undefined)[] = [];
  const perStep: (readonly LifecycleEvent[])[] = [];
  let state: OrderState | undefined;
  for (const step of steps) {
    const decision =
      'watermark' in step && state === undefined
        ? { state, events: [] }
        : decide(state, inputOf(step), OPTIONS);
    state = decision.state;
    states.push(state);
    perStep.push(decision.events);
  }
  return { states, perStep, events: perStep.flat(), final: state };
}

const seen = (steps: readonly Step[], upTo: number, id: string) =>
  steps.slice(0, upTo).some((s) => !('watermark' in s) && s.notificationId === id);

describe('order machine properties', () => {
  it('never refunds more than was paid, and every state agrees with its events', () => {
    fc.assert(
      fc.property(arbitraryDelivery, (steps) => {
        const { states, events, final } = trace(steps);
        for (const s of states) {
          if (s === undefined) continue;
          expect(s.refundedTotal).toBeGreaterThanOrEqual(0);
          expect(s.refundedTotal).toBeLessThanOrEqual(s.paid);
        }
        const refunds = events.filter((e) => e.type === 'RefundApplied');
        const sum = refunds.reduce((total, e) => total + e.amount, 0);
        expect(sum).toBe(final?.refundedTotal ?? 0);
        for (const r of refunds) expect(r.kind === 'full').toBe(r.remaining === 0);
      }),
    );
  });

  it('numbers events 1..n without gaps and never reuses an eventId', () => {
    fc.assert(
      fc.property(arbitraryDelivery, (steps) => {
        const { events, final } = trace(steps);
        expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
        expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
        expect(final?.version ?? 0).toBe(events.length);
      }),
    );
  });

  it('replaying the same sequence gives byte-identical events and state', () => {
    fc.assert(
      fc.property(arbitraryDelivery, (steps) => {
        const first = run(steps, undefined, OPTIONS);
        const second = run(
          steps.map((s) => structuredClone(s)),
          undefined,
          OPTIONS,
        );
        expect(JSON.stringify(second.events)).toBe(JSON.stringify(first.events));
        expect(JSON.stringify(second.state)).toBe(JSON.stringify(first.state));
      }),
    );
  });

  it('restoring the state from JSON mid-sequence decides the rest identically', () => {
    fc.assert(
      fc.property(arbitraryDelivery, fc.nat(), (steps, cut) => {
        const at = steps.length === 0 ? 0 : cut % (steps.length + 1);
        const whole = run(steps, undefined, OPTIONS);
        const head = run(steps.slice(0, at), undefined, OPTIONS);
        const restored = head.state && (JSON.parse(JSON.stringify(head.state)) as OrderState);
        const tail = run(steps.slice(at), restored, OPTIONS);
        expect(JSON.stringify([...head.events, ...tail.events])).toBe(JSON.stringify(whole.events));
        expect(JSON.stringify(tail.state)).toBe(JSON.stringify(whole.state));
      }),
    );
  });

  it('duplicates emit nothing, and rejections change nothing but bookkeeping', () => {
    fc.assert(
      fc.property(arbitraryDelivery, (steps) => {
        const { states, perStep } = trace(steps);
        steps.forEach((step, i) => {
          const events = perStep[i] ?? [];
          if (!('watermark' in step) && seen(steps, i, step.notificationId))
            expect(events).toEqual([]);
          const before = states[i - 1];
          const after = states[i];
          if (
            before &&
            after &&
            events.length > 0 &&
            events.every((e) => e.type === 'NotificationRejected')
          )
            expect(businessFields(after)).toEqual(businessFields(before));
        });
      }),
    );
  });

  it('any order of a valid sequence containing its sale reaches the same totals', () => {
    fc.assert(
      fc.property(
        arbitraryValidDelivery.chain((steps) =>
          fc.tuple(
            fc.constant(steps),
            fc.shuffledSubarray([...steps], { minLength: steps.length }),
          ),
        ),
        ([inOrder, shuffled]) => {
          const expected = run(inOrder, undefined, OPTIONS).state;
          const actual = run(shuffled, undefined, OPTIONS).state;
          expect(actual?.paid).toBe(expected?.paid);
          expect(actual?.refundedTotal).toBe(expected?.refundedTotal);
          expect(actual?.status).toBe(expected?.status);
          expect(actual?.parked).toEqual([]);
        },
      ),
    );
  });
});
