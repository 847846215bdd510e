import { WaitTimeoutError, waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first truthy result', async () => {
    let calls = 0;
    const result = await waitFor(() => (++calls >= 3 ? { calls } : undefined), {
      timeoutMs: 5000,
      intervalMs: 1,
      description: 'three calls',
    });
    expect(result).toEqual({ calls: 3 });
  });

  it('treats a throwing check as not yet', async () => {
    let calls = 0;
    const result = await waitFor(
      async () => {
        calls += 1;
        if (calls < 2) throw new Error('not ready');
        return Promise.resolve('ready');
      },
      { timeoutMs: 5000, intervalMs: 1, description: 'readiness' },
    );
    expect(result).toBe('ready');
  });

  it('names what it waited for and the last failure when it gives up', async () => {
    const waiting = waitFor(
      () => {
        throw new Error('still 2 of 3 events');
      },
      { timeoutMs: 30, intervalMs: 5, description: '3 events on the events topic' },
    );
    await expect(waiting).rejects.toThrow(WaitTimeoutError);
    await expect(waiting).rejects.toThrow(
      /waiting for 3 events on the events topic; last check failed with: still 2 of 3 events/,
    );
  });

  it('counts false and null as not yet', async () => {
    await expect(
      waitFor(() => false, { timeoutMs: 20, intervalMs: 5, description: 'never' }),
    ).rejects.toThrow('waiting for never');
  });
});
