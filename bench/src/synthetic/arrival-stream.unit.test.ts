import { arrivalStream } from './arrival-stream';
import { orderStory } from './order-story';
import { seededRandom } from './seeded-random';

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const take = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(take(1)).toEqual(take(1));
    expect(take(1)).not.toEqual(take(2));
  });

  it('keeps int() within its bounds, both included', () => {
    const random = seededRandom(3);
    const seen = new Set(Array.from({ length: 1000 }, () => random.int(2, 4)));
    expect([...seen].sort()).toEqual([2, 3, 4]);
  });
});

describe('orderStory', () => {
  it('given 10 arrivals per order, then every step arrives and retries follow their first arrival', () => {
    const random = seededRandom(4);
    for (let i = 0; i < 500; i++) {
      const story = orderStory(i, 10, random);
      expect(story.arrivals).toHaveLength(10);
      expect(new Set(story.arrivals).size).toBe(story.steps.length);
      const firstSale = story.arrivals.indexOf(story.steps.findIndex((s) => s.kind !== 'refund'));
      if (story.kind !== 'refundBeforeSale') expect(firstSale).toBe(0);
    }
  });

  it('never refunds more units than sold, except in the over-refund story', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 500; i++) {
      const story = orderStory(i, 10, random);
      const units = story.steps.reduce((sum, s) => sum + (s.kind === 'refund' ? s.units : 0), 0);
      if (story.kind === 'partialRefunds' || story.kind === 'chargebackWon') {
        expect(units).toBeLessThanOrEqual(story.quantity);
      }
    }
  });
});

describe('arrivalStream', () => {
  it('given the same options, then builds the same log', () => {
    const a = arrivalStream({ orders: 50, arrivalsPerOrder: 10, seed: 9, window: 20 });
    const b = arrivalStream({ orders: 50, arrivalsPerOrder: 10, seed: 9, window: 20 });
    expect(a.arrivals.map((x) => [x.story.index, x.step])).toEqual(
      b.arrivals.map((x) => [x.story.index, x.step]),
    );
  });

  it('keeps each order in its own arrival order, interleaved with other orders', () => {
    const { stories, arrivals } = arrivalStream({
      orders: 50,
      arrivalsPerOrder: 10,
      seed: 9,
      window: 20,
    });
    expect(arrivals).toHaveLength(500);
    for (const story of stories) {
      const seen = arrivals.filter((a) => a.story === story).map((a) => a.step);
      expect(seen).toEqual(story.arrivals);
    }
    expect(arrivals[1]!.story).not.toBe(arrivals[0]!.story);
  });

  it('rejects fewer arrivals per order than the longest story', () => {
    expect(() => arrivalStream({ orders: 1, arrivalsPerOrder: 8, seed: 1 })).toThrow(RangeError);
  });
});
