import { runPooled } from './run-pooled';

describe('runPooled', () => {
  it('never runs more than the limit at once and runs everything', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    const tasks = Array.from({ length: 10 }, (_, i) => async () => {
      running += 1;
      peak = Math.max(peak, running);
      await Promise.resolve();
      running -= 1;
      done.push(i);
    });
    await runPooled(tasks, 3);
    expect(peak).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('starts nothing after a failure, waits for the running ones, then throws the first error', async () => {
    const started: number[] = [];
    let finished = 0;
    const tasks = Array.from({ length: 6 }, (_, i) => async () => {
      started.push(i);
      await Promise.resolve();
      if (i === 0) throw new Error('first');
      finished += 1;
    });
    await expect(runPooled(tasks, 2)).rejects.toThrow('first');
    expect(started).toEqual([0, 1]);
    expect(finished).toBe(1);
  });

  it('accepts no tasks', async () => {
    await expect(runPooled([], 4)).resolves.toBeUndefined();
  });
});
