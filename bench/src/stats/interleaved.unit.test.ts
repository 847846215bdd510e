import { interleaved, medianAndRange } from './interleaved';

describe('interleaved', () => {
  it('alternates the loops round by round', () => {
    const order: string[] = [];
    const run = (name: string) => () => {
      order.push(name);
      return { operations: 10, elapsedMs: 1 };
    };
    interleaved(3, { a: run('a'), b: run('b') });
    expect(order).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
  });

  it('keeps the median round, so one disturbed round does not move the figure', () => {
    const elapsed = [10, 10, 1000, 10, 10];
    let i = 0;
    const figure = interleaved(5, { a: () => ({ operations: 100, elapsedMs: elapsed[i++]! }) }).a;
    expect(figure.perSecond).toBe(10_000);
    expect(figure.operations).toBe(500);
    expect(figure.elapsedMs).toBe(1040);
    expect(figure.roundsPerSecond).toEqual([10_000, 10_000, 100, 10_000, 10_000]);
  });
});

describe('medianAndRange', () => {
  it('gives the middle value (the mean of the two middle ones for an even count) and the extremes', () => {
    expect(medianAndRange([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(medianAndRange([4, 1, 2, 10])).toEqual({ median: 3, min: 1, max: 10 });
    expect(medianAndRange([])).toEqual({ median: NaN, min: NaN, max: NaN });
  });
});
