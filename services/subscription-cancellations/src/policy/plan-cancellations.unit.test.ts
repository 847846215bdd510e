import { idempotencyKeyFor } from '../events/identity';
import {
  chargebackLost,
  orderPaid,
  paymentDenied,
  refundApplied,
} from '../testing/lifecycle-events';
import { merchantSettings } from '../testing/merchant-settings';
import { planCancellations } from './plan-cancellations';

const settings = merchantSettings();

describe('planCancellations', () => {
  it('given a full refund, when planned, then every subscription of the order is cancelled', () => {
    const event = refundApplied('full', { subscriptionRefs: ['A', 'B'] });
    const plan = planCancellations(event, settings);
    expect(plan.kind).toBe('cancel');
    expect(plan.kind === 'cancel' && plan.requests).toEqual([
      {
        subscriptionRef: 'A',
        orderKey: '2checkout:m1:1000',
        merchantId: 'm1',
        provider: '2checkout',
        adapter: 'webhook',
        cause: 'full_refund',
        causationId: event.eventId,
        idempotencyKey: idempotencyKeyFor(
          { provider: '2checkout', merchantId: 'm1', subscriptionRef: 'A' },
          event.eventId,
        ),
        occurredAt: event.occurredAt,
      },
      expect.objectContaining({ subscriptionRef: 'B', cause: 'full_refund' }),
    ]);
  });

  it.each([
    ['a lost chargeback', chargebackLost(), 'chargeback_lost'],
    ['a denied payment', paymentDenied(), 'payment_denied'],
  ])('given %s, when planned, then the subscriptions are cancelled', (_name, event, cause) => {
    const plan = planCancellations(event, settings);
    expect(plan.kind === 'cancel' && plan.requests.map((r) => r.cause)).toEqual([cause]);
  });

  it('given a partial refund, when the merchant keeps subscriptions (the default), then nothing is cancelled', () => {
    expect(planCancellations(refundApplied('partial'), settings)).toEqual({
      kind: 'ignore',
      reason: 'partial_refund_kept',
    });
  });

  it('given a partial refund, when the merchant cancels on partial refunds, then they are cancelled', () => {
    const plan = planCancellations(
      refundApplied('partial'),
      merchantSettings({ onPartialRefund: 'cancel' }),
    );
    expect(plan.kind === 'cancel' && plan.requests.map((r) => r.cause)).toEqual(['partial_refund']);
  });

  it('given other events, a merchant without adapter or no subscriptions, then nothing is cancelled', () => {
    expect(planCancellations(orderPaid(), settings)).toEqual({
      kind: 'ignore',
      reason: 'not_a_cause',
    });
    expect(planCancellations(chargebackLost(), undefined)).toEqual({
      kind: 'ignore',
      reason: 'merchant_not_configured',
    });
    expect(planCancellations(chargebackLost(), merchantSettings({ target: undefined }))).toEqual({
      kind: 'ignore',
      reason: 'merchant_not_configured',
    });
    expect(planCancellations(chargebackLost({ subscriptionRefs: [] }), settings)).toEqual({
      kind: 'ignore',
      reason: 'no_subscriptions',
    });
  });

  it('given repeated or blank refs, when planned, then each subscription is asked for once', () => {
    const plan = planCancellations(
      chargebackLost({ subscriptionRefs: ['A', '', 'A', 'B'] }),
      settings,
    );
    expect(plan.kind === 'cancel' && plan.requests.map((r) => r.subscriptionRef)).toEqual([
      'A',
      'B',
    ]);
  });

  it('is deterministic: the same event plans the same requests and keys', () => {
    const event = paymentDenied({ subscriptionRefs: ['X'] });
    expect(planCancellations(event, settings)).toEqual(planCancellations(event, settings));
  });
});
