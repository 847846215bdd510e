import fc from 'fast-check';
import type { LifecycleEvent } from '@clawback/order-machine';
import { OrderStory, type TestOrder } from './lifecycle-events';

/** One step of a generated story; amounts are per mille of what remains. */
type StoryStep =
  | { readonly kind: 'refund'; readonly perMille: number }
  | { readonly kind: 'chargebackOpened' | 'chargebackWon' | 'chargebackLost' | 'paymentDenied' };

/** A generated order: sale amount, the provider's commission figure if any, and its steps. */
export interface StorySpec {
  readonly amount: number;
  readonly commission: number | null;
  readonly steps: readonly StoryStep[];
}

const step: fc.Arbitrary<StoryStep> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      perMille: fc.integer({ min: 1, max: 1000 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'chargebackOpened' as const,
        'chargebackWon' as const,
        'chargebackLost' as const,
        'paymentDenied' as const,
      ),
    }),
  },
);

/** Orders from 1 minor unit to 10^12, with or without a provider figure, up to 12 steps. */
export const storySpecs: fc.Arbitrary<StorySpec> = fc.record({
  amount: fc.oneof(
    fc.integer({ min: 1, max: 100 }),
    fc.integer({ min: 1, max: 1_000_000_000_000 }),
  ),
  commission: fc.option(fc.integer({ min: 0, max: 2_000_000_000 }), { nil: null }),
  steps: fc.array(step, { maxLength: 12 }),
});

/** How the order machine would let the story go on (see packages/order-machine). */
type Status = 'paid' | 'disputed' | 'over';

/**
 * The lifecycle events of a spec. With `machineRules`, steps the order machine would refuse
 * are skipped (refunds while disputed, anything after the end); without, every step is
 * emitted (refunds are still capped at what remains, as cumulative totals require).
 */
export function storyEvents(
  spec: StorySpec,
  machineRules: boolean,
  order: Omit<TestOrder, 'commission'> = { merchantId: 'm', orderRef: '1' },
): LifecycleEvent[] {
  const story = new OrderStory({ ...order, commission: spec.commission });
  story.paidWith(spec.amount);
  let remaining = spec.amount;
  let status: Status = 'paid';
  for (const s of spec.steps) {
    const allowed = !machineRules || allowedIn(status, s);
    if (!allowed) continue;
    if (s.kind === 'refund') {
      if (remaining === 0) continue;
      const amount = Math.max(1, Math.floor((remaining * s.perMille) / 1000));
      story.refund(amount);
      remaining -= amount;
      if (remaining === 0) status = 'over';
    } else {
      story[s.kind]();
      status =
        s.kind === 'chargebackOpened' ? 'disputed' : s.kind === 'chargebackWon' ? 'paid' : 'over';
    }
  }
  return [...story.all()];
}

function allowedIn(status: Status, s: StoryStep): boolean {
  switch (status) {
    case 'paid':
      return s.kind === 'refund' || s.kind === 'chargebackOpened' || s.kind === 'chargebackLost';
    case 'disputed':
      return s.kind === 'chargebackWon' || s.kind === 'chargebackLost';
    case 'over':
      return false;
  }
}
