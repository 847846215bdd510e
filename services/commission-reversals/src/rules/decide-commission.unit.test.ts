import type { LifecycleEvent } from '@clawback/order-machine';
import { OrderStory } from '../testing/lifecycle-events';
import { testTerms } from '../testing/terms';
import type { CommissionTerms } from '../terms/commission-terms';
import type { CommissionAdjustment } from './commission-adjustment';
import { decideCommission } from './decide-commission';
import { decideEvents } from './decide-events';

const terms = testTerms('0.30');

/** Runs the events and returns `type reason amount` lines plus the final state. */
function run(events: readonly LifecycleEvent[], merchantTerms: CommissionTerms | null = terms) {
  const decided = decideEvents(new Map(), events, () => merchantTerms ?? undefined);
  const orderKey = events[0]!.orderKey;
  return {
    lines: decided.adjustments.map(line),
    state: decided.changed.get(orderKey),
    adjustments: decided.adjustments,
    outcomes: decided.outcomes,
  };
}
const line = (a: CommissionAdjustment) => `${a.type} ${a.reason} ${a.amount}`;

describe('earning on OrderPaid', () => {
  it('given an affiliate and the merchant rate, when paid, then the rate of the amount is earned', () => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1' });
    const { lines, adjustments } = run([story.paidWith(1999)]);
    expect(lines).toEqual(['CommissionEarned order_paid 600']);
    expect(adjustments[0]).toMatchObject({
      adjustmentId: `${story.orderKey}/n1#0:CommissionEarned`,
      affiliateId: 'aff-1',
      currency: 'EUR',
      earnedTotal: 600,
      reversedTotal: 0,
      earnedFrom: 'merchant_rate',
      occurredAt: '2026-01-15T10:01:00.000Z',
    });
  });

  it("given the provider's commission figure, when paid, then that figure wins over the rate", () => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1', commission: 1234 });
    const { lines, adjustments } = run([story.paidWith(5000)]);
    expect(lines).toEqual(['CommissionEarned order_paid 1234']);
    expect(adjustments[0]).toMatchObject({ earnedFrom: 'provider_commission' });
  });

  it('given no affiliate, when paid, then nothing is earned and nothing is tracked', () => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1', affiliateId: null });
    const { lines, state, outcomes } = run([story.paidWith(1000), story.refund(1000)]);
    expect(lines).toEqual([]);
    expect(state).toBeUndefined();
    expect(outcomes).toEqual(['no_affiliate', 'not_tracked']);
  });

  it('given a merchant without commission terms and no provider figure, then the sale is unconfigured', () => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1' });
    expect(run([story.paidWith(1000)], null).outcomes).toEqual(['unconfigured']);
  });

  it('given an earned order, when a second OrderPaid arrives, then nothing more is earned', () => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1' });
    const first = story.paidWith(1000);
    const again = story.paidWith(1000);
    expect(run([first, again]).lines).toEqual(['CommissionEarned order_paid 300']);
  });
});

describe('reversing on refunds', () => {
  it('given partial refunds, then each reverses round(earned × refundedTotal ÷ paid) minus what was reversed', () => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1' });
    // earned 3000 on 10000; refunded totals 3333, 6666, 10000
    const { lines, state } = run([
      story.paidWith(10000),
      story.refund(3333),
      story.refund(3333),
      story.refund(3334),
    ]);
    expect(lines).toEqual([
      'CommissionEarned order_paid 3000',
      'CommissionReversed refund_partial -1000', // round(999.9)
      'CommissionReversed refund_partial -1000', // round(1999.8) = 2000
      'CommissionReversed refund_full -1000', // the rest
    ]);
    expect(state).toMatchObject({ earned: 3000, reversed: 3000, held: 0, final: true });
  });

  it('given many tiny refunds, then rounding never drifts from the cumulative figure', () => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1', commission: 7 });
    const events = [story.paidWith(300), ...Array.from({ length: 299 }, () => story.refund(1))];
    const { state, adjustments } = run(events);
    expect(state!.reversed).toBe(Math.round((7 * 299) / 300));
    expect(adjustments.slice(1).reduce((sum, a) => sum - a.amount, 0)).toBe(state!.reversed);
  });

  it('given a full refund at once, then everything is reversed and the order is final', () => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1' });
    const { lines, outcomes } = run([
      story.paidWith(1000),
      story.refund(1000),
      story.chargebackOpened(),
    ]);
    expect(lines).toEqual([
      'CommissionEarned order_paid 300',
      'CommissionReversed refund_full -300',
    ]);
    expect(outcomes[2]).toBe('final');
  });

  it('given a refund too small to move the rounded figure, then nothing is emitted', () => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1' });
    const { lines, outcomes } = run([story.paidWith(1000), story.refund(1)]);
    expect(lines).toEqual(['CommissionEarned order_paid 300']);
    expect(outcomes[1]).toBe('no_change');
  });
});

describe('chargebacks', () => {
  it('given an open chargeback, then the outstanding commission is reversed into a hold', () => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1' });
    const { lines, state } = run([
      story.paidWith(1000),
      story.refund(500),
      story.chargebackOpened(),
    ]);
    expect(lines).toEqual([
      'CommissionEarned order_paid 300',
      'CommissionReversed refund_partial -150',
      'CommissionReversed chargeback_opened -150',
    ]);
    expect(state).toMatchObject({ reversed: 300, held: 150, final: false });
  });

  it('given a won chargeback, then the hold is reinstated and later refunds continue pro rata', () => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1' });
    const { lines, state } = run([
      story.paidWith(1000),
      story.chargebackOpened(),
      story.chargebackWon(),
      story.refund(250),
    ]);
    expect(lines).toEqual([
      'CommissionEarned order_paid 300',
      'CommissionReversed chargeback_opened -300',
      'CommissionReinstated chargeback_won 300',
      'CommissionReversed refund_partial -75',
    ]);
    expect(state).toMatchObject({ reversed: 75, held: 0 });
  });

  it('given a lost chargeback after a hold, then the hold stays reversed with no new adjustment', () => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1' });
    const { lines, state, outcomes } = run([
      story.paidWith(1000),
      story.chargebackOpened(),
      story.chargebackLost(),
      story.chargebackWon(),
    ]);
    expect(lines).toEqual([
      'CommissionEarned order_paid 300',
      'CommissionReversed chargeback_opened -300',
    ]);
    expect(state).toMatchObject({ reversed: 300, held: 0, final: true });
    expect(outcomes).toEqual(['applied', 'applied', 'applied', 'final']);
  });

  it('given a chargeback lost without an opening, then what is outstanding is reversed', () => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1' });
    const { lines } = run([story.paidWith(1000), story.refund(100), story.chargebackLost()]);
    expect(lines).toEqual([
      'CommissionEarned order_paid 300',
      'CommissionReversed refund_partial -30',
      'CommissionReversed chargeback_lost -270',
    ]);
  });

  it('given a refund while on hold (the machine refuses them), then only the hold shrinks', () => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1' });
    const { lines, state } = run([
      story.paidWith(1000),
      story.chargebackOpened(),
      story.refund(500),
      story.chargebackWon(),
    ]);
    expect(lines).toEqual([
      'CommissionEarned order_paid 300',
      'CommissionReversed chargeback_opened -300',
      'CommissionReinstated chargeback_won 150',
    ]);
    expect(state).toMatchObject({ reversed: 150, held: 0 });
  });
});

describe('denied payments and duplicates', () => {
  it('given a denied payment after earning, then everything outstanding is reversed', () => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1' });
    const { lines, state } = run([story.paidWith(1000), story.paymentDenied()]);
    expect(lines).toEqual([
      'CommissionEarned order_paid 300',
      'CommissionReversed payment_denied -300',
    ]);
    expect(state!.final).toBe(true);
  });

  it('given an event at or below the last applied sequence, then it changes nothing', () => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1' });
    const paid = story.paidWith(1000);
    const refund = story.refund(500);
    const after = decideCommission(
      decideCommission(undefined, paid, terms).state,
      refund,
      terms,
    ).state;
    const again = decideCommission(after, refund, terms);
    expect(again).toEqual({ state: after, adjustments: [], outcome: 'already_applied' });
  });

  it('given events that do not concern commissions, then they are not relevant', () => {
    const story = new OrderStory({ merchantId: 'm', orderRef: '1' });
    const paid = story.paidWith(1000);
    const state = decideCommission(undefined, paid, terms).state;
    const ended = {
      ...paid,
      type: 'SubscriptionEnded' as const,
      sequence: 2,
      subscriptionRefs: [],
    };
    expect(decideCommission(state, ended, terms).outcome).toBe('not_relevant');
  });
});
