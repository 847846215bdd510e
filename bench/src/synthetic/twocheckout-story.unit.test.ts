import { adapterFor } from '@clawback/providers';
import { twoCheckoutIpn } from '@clawback/providers/testing';
import { canonicalOf } from './canonical';
import { orderStory } from './order-story';
import { seededRandom } from './seeded-random';
import { twoCheckoutInputOf } from './twocheckout-story';

describe('twoCheckoutInputOf', () => {
  it('renders every story step as an IPN that normalizes to the same facts as canonicalOf', () => {
    const random = seededRandom(11);
    const adapter = adapterFor('2checkout');
    for (let i = 0; i < 120; i++) {
      const story = orderStory(i, 10, random);
      story.steps.forEach((_, step) => {
        const { body, contentType } = twoCheckoutIpn(twoCheckoutInputOf(story, step, `R${i}`), {
          secretKey: 'k',
        });
        const normalized = adapter.normalize({ merchantId: 'm', body, contentType });
        const expected = canonicalOf(story, step);
        expect({
          kind: normalized.kind,
          amount: normalized.amount,
          currency: normalized.currency,
          occurredAt: normalized.occurredAt,
          scope: normalized.refundScope === 'total' ? 'total' : 'not total',
        }).toEqual({
          kind: expected.kind,
          amount: expected.amount,
          currency: expected.currency,
          occurredAt: expected.occurredAt,
          scope: expected.refundScope === 'total' ? 'total' : 'not total',
        });
      });
    }
  });

  it('renders a retry as the same bytes and two steps as different notifications', () => {
    const story = orderStory(0, 10, seededRandom(12));
    const render = (step: number) =>
      twoCheckoutIpn(twoCheckoutInputOf(story, step, 'R0'), { secretKey: 'k' }).body;
    expect(render(1).equals(render(1))).toBe(true);
    expect(render(1).equals(render(2))).toBe(false);
  });
});
