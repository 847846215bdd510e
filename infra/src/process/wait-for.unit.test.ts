import { waitFor } from './wait-for';

/** A fake clock: sleeping advances it, so no test waits for real time. */
function fakeClock(): { now: () => number; sleep: (ms: number) => Promise<void> } {
  let time = 0;
  return {
    now: () => time,
    sleep: (ms) => {
      time += ms;
      return Promise.resolve();
    },
  };
}

describe('waitFor', () => {
  it('resolves true as soon as the condition holds', async () => {
    let calls = 0;
    const held = await waitFor(() => ++calls === 3, { timeoutMs: 10_000, ...fakeClock() });
    expect(held).toBe(true);
    expect(calls).toBe(3);
  });

  it('resolves false once the timeout has passed', async () => {
    const clock = fakeClock();
    const held = await waitFor(() => false, { timeoutMs: 2_000, intervalMs: 500, ...clock });
    expect(held).toBe(false);
    expect(clock.now()).toBe(2_000);
  });

  it('ends the wait with the error a condition throws', async () => {
    const wait = waitFor(
      () => {
        throw new Error('process exited');
      },
      { timeoutMs: 10_000, ...fakeClock() },
    );
    await expect(wait).rejects.toThrow('process exited');
  });
});
