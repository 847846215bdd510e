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

const MONEY_FACTS = new Set(['refund', 'chargeback_lost', 'payment_denied']);
const APPLIED = new Set(['RefundApplied', 'ChargebackLost', 'PaymentDenied']);

describe('order machine properties', () => {
  it('accounts for every verified money fact: applied + rejected + still parked = reported', () => {
    fc.assert(
      fc.property(arbitraryDelivery, (steps) => {
        const { events, final } = trace(steps);
        // Facts that state their amount; a lost chargeback after an opening takes the opened
        // (also provider-reported) amount, and an amount of 0 means "everything", so those are
        // covered by the totals property above instead.
        const opened = steps.some((s) => !('watermark' in s) && s.kind === 'chargeback_opened');
        const facts = new Map<string, number>();
        for (const s of steps) {
          if ('watermark' in s || !MONEY_FACTS.has(s.kind) || s.amount <= 0) continue;
          if (s.kind === 'chargeback_lost' && opened) continue;
          facts.set(s.notificationId, s.amount);
        }
        const parked = new Set((final?.parked ?? []).map((n) => n.notificationId));
        let accounted = 0;
        for (const [id, amount] of facts) {
          const outcomes = events.filter(
            (e) =>
              e.causationId === id && (APPLIED.has(e.type) || e.type === 'NotificationRejected'),
          );
          const places = outcomes.length + (parked.has(id) ? 1 : 0);
          if (final !== undefined || places > 0) expect(places).toBe(1);
          const outcome = outcomes[0];
          if (outcome !== undefined && 'amount' in outcome) accounted += outcome.amount;
          else if (parked.has(id)) accounted += amount;
          else if (final === undefined) accounted += amount; // never reached an order state
        }
        expect(accounted).toBe([...facts.values()].reduce((a, b) => a + b, 0));
      }),
    );
  });

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
