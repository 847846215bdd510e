import { progressLine } from './replay-progress';

describe('progressLine', () => {
  it('given per-partition progress, when formatted, then totals, rate and partitions are shown', () => {
    const line = progressLine(
      [
        { partition: 0, done: 400n, total: 1000n },
        { partition: 1, done: 800n, total: 2000n },
      ],
      900n,
      2000,
    );
    expect(line).toBe('replay 1200/3000 (40.0%) 150 rec/s | p0 400/1000 p1 800/2000');
  });

  it('given an empty input, when formatted, then it is complete', () => {
    expect(progressLine([{ partition: 0, done: 0n, total: 0n }], 0n, 0)).toBe(
      'replay 0/0 (100.0%) 0 rec/s | p0 0/0',
    );
  });
});
