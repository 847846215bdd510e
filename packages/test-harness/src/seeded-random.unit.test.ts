import { seededRandom } from './seeded-random';

describe('seededRandom', () => {
  it('yields the same sequence for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
  });

  it('yields different sequences for different seeds', () => {
    expect(seededRandom(1)()).not.toEqual(seededRandom(2)());
  });

  it('stays within [0, 1)', () => {
    const next = seededRandom(7);
    for (let i = 0; i < 1000; i += 1) {
      const value = next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
