import { nearestRank, summarize } from './percentiles';

describe('nearestRank', () => {
  const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);

  it('given 1..100, when asked for p50 and p99, then returns 50 and 99', () => {
    expect(nearestRank(sorted, 50)).toBe(50);
    expect(nearestRank(sorted, 99)).toBe(99);
  });

  it('given p0 and p100, then returns the smallest and largest values', () => {
    expect(nearestRank(sorted, 0)).toBe(1);
    expect(nearestRank(sorted, 100)).toBe(100);
  });

  it('given a single value, then every percentile is that value', () => {
    expect(nearestRank([7], 1)).toBe(7);
    expect(nearestRank([7], 99)).toBe(7);
  });

  it('rejects a percentile outside 0-100', () => {
    expect(() => nearestRank(sorted, 101)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('sorts a copy and reports percentiles, max and mean', () => {
    const values = [5, 1, 4, 2, 3];
    expect(summarize(values)).toEqual({ count: 5, p50: 3, p90: 5, p99: 5, max: 5, mean: 3 });
    expect(values).toEqual([5, 1, 4, 2, 3]);
  });

  it('given no values, then count is 0 and figures are NaN', () => {
    const summary = summarize([]);
    expect(summary.count).toBe(0);
    expect(summary.p50).toBeNaN();
  });
});
