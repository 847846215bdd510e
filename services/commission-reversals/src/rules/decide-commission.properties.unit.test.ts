import fc from 'fast-check';
import { mulDivRound } from '@clawback/money';
import type { LifecycleEvent } from '@clawback/order-machine';
import { storyEvents, storySpecs } from '../testing/arbitrary-stories';
import { testTerms } from '../testing/terms';
import type { CommissionAdjustment } from './commission-adjustment';
import type { CommissionState } from './commission-state';
import { decideCommission } from './decide-commission';
import { decideEvents } from './decide-events';

const terms = testTerms('0.1234');
const termsFor = () => terms;

/** Every intermediate state and all adjustments of one order's events. */
function trace(events: readonly LifecycleEvent[]) {
  const states: CommissionState[] = [];
  let state: CommissionState | undefined;
  let sum = 0;
  const amounts: number[] = [];
  for (const event of events) {
    const decision = decideCommission(state, event, terms);
    state = decision.state;
    if (state) states.push(state);
    for (const adjustment of decision.adjustments) {
      sum += adjustment.amount;
      amounts.push(adjustment.amount);
    }
  }
  return { states, state, sum, amounts };
}

describe('decideCommission properties', () => {
  it('keeps 0 <= held <= reversed <= earned after every event, whatever the order of events', () => {
    fc.assert(
      fc.property(storySpecs, fc.boolean(), (spec, machineRules) => {
        for (const s of trace(storyEvents(spec, machineRules)).states) {
          expect(0 <= s.held && s.held <= s.reversed && s.reversed <= s.earned).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('sums the adjustments of an order to earned − reversed, so the total reversed never exceeds the earned', () => {
    fc.assert(
      fc.property(storySpecs, fc.boolean(), (spec, machineRules) => {
        const { state, sum, amounts } = trace(storyEvents(spec, machineRules));
        expect(sum).toBe(state ? state.earned - state.reversed : 0);
        expect(sum).toBeGreaterThanOrEqual(0);
        expect(amounts).not.toContain(0);
      }),
      { numRuns: 500 },
    );
  });

  it('reverses exactly round(earned × refundedTotal ÷ paid) after each refund of a refund-only story', () => {
    fc.assert(
      fc.property(
        storySpecs.map((spec) => ({
          ...spec,
          steps: spec.steps.filter((s) => s.kind === 'refund'),
        })),
        (spec) => {
          let state: CommissionState | undefined;
          for (const event of storyEvents(spec, true)) {
            state = decideCommission(state, event, terms).state;
            if (event.type !== 'RefundApplied' || state === undefined) continue;
            const expected =
              event.kind === 'full'
                ? state.earned
                : mulDivRound(state.earned, event.refundedTotal, event.paid);
            expect(state.reversed).toBe(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('decides a replay identically, and events delivered twice like once', () => {
    fc.assert(
      fc.property(storySpecs, (spec) => {
        const events = storyEvents(spec, true);
        const once = decideEvents(new Map(), events, termsFor);
        expect(decideEvents(new Map(), events, termsFor)).toEqual(once);
        const twice = events.flatMap((event) => [event, event]);
        expect(decideEvents(new Map(), twice, termsFor).adjustments).toEqual(once.adjustments);
      }),
      { numRuns: 300 },
    );
  });

  it('decides each order as if it were alone when orders interleave', () => {
    fc.assert(
      fc.property(storySpecs, storySpecs, fc.array(fc.boolean()), (a, b, picks) => {
        const first = storyEvents(a, true, { merchantId: 'm', orderRef: 'a' });
        const second = storyEvents(b, true, { merchantId: 'm', orderRef: 'b' });
        const queues = [[...first], [...second]];
        const merged: LifecycleEvent[] = [];
        for (const pick of picks) {
          const next = queues[pick ? 0 : 1]!.shift();
          if (next) merged.push(next);
        }
        merged.push(...queues[0]!, ...queues[1]!);
        const together = decideEvents(new Map(), merged, termsFor).adjustments;
        const alone = [
          ...decideEvents(new Map(), first, termsFor).adjustments,
          ...decideEvents(new Map(), second, termsFor).adjustments,
        ];
        const byId = (list: readonly CommissionAdjustment[]) =>
          [...list].sort((x, y) => x.adjustmentId.localeCompare(y.adjustmentId));
        expect(byId(together)).toEqual(byId(alone));
      }),
      { numRuns: 200 },
    );
  });
});
