import { CancellationError } from '../cancellation-error';
import type { RetrySettings } from '../settings/service-settings';
import { callWithRetry } from './call-with-retry';

const policy: RetrySettings = {
  maxAttempts: 5,
  initialDelayMs: 100,
  maxDelayMs: 1000,
  maxTotalMs: 60_000,
  requestTimeoutMs: 1000,
};

/** A fake clock that the injected sleep advances, and a log of the waits. */
function fakeTime() {
  let clock = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => clock,
    sleep: (ms: number) => {
      waits.push(ms);
      clock += ms;
      return Promise.resolve();
    },
    advance: (ms: number) => (clock += ms),
  };
}

const unavailable = (retryAfterMs?: number) =>
  new CancellationError('receiver_unavailable', 'HTTP 503', {
    status: 503,
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  });

/** A call failing with `failures` in turn, then succeeding. */
function script(...failures: Error[]) {
  let calls = 0;
  return {
    calls: () => calls,
    call: () => {
      const failure = failures[calls++];
      return failure ? Promise.reject(failure) : Promise.resolve('done');
    },
  };
}

describe('callWithRetry', () => {
  it('retries retriable failures with full-jitter backoff and counts the calls', async () => {
    const time = fakeTime();
    const calls = script(unavailable(), unavailable());
    const result = await callWithRetry(calls.call, policy, { ...time, random: () => 0.5 });
    expect(result).toEqual({ ok: true, value: 'done', attempts: 3 });
    expect(time.waits).toEqual([50, 100]);
  });

  it('fails at once on a non-retriable failure', async () => {
    const time = fakeTime();
    const rejected = new CancellationError('receiver_rejected', 'HTTP 400', { status: 400 });
    const result = await callWithRetry(script(rejected).call, policy, time);
    expect(result).toEqual({ ok: false, error: rejected, attempts: 1 });
    expect(time.waits).toEqual([]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const time = fakeTime();
    const calls = script(...Array.from({ length: 9 }, () => unavailable()));
    const result = await callWithRetry(calls.call, policy, { ...time, random: () => 0 });
    expect(result).toMatchObject({
      ok: false,
      attempts: 5,
      error: { code: 'receiver_unavailable' },
    });
    expect(calls.calls()).toBe(5);
  });

  it('waits at least what Retry-After asks, even beyond the backoff ceiling', async () => {
    const time = fakeTime();
    const calls = script(unavailable(5000));
    await callWithRetry(calls.call, policy, { ...time, random: () => 1 });
    expect(time.waits).toEqual([5000]);
  });

  it('stops when the next call would start after the total budget', async () => {
    const time = fakeTime();
    const budget = { ...policy, maxTotalMs: 3000 };
    const calls = script(unavailable(2000), unavailable(2000), unavailable());
    const result = await callWithRetry(calls.call, budget, time);
    expect(result).toMatchObject({ ok: false, attempts: 2 });
    expect(time.waits).toEqual([2000]);
  });

  it('shortens a backoff to what is left of the budget', async () => {
    const time = fakeTime();
    const budget = { ...policy, maxTotalMs: 30, initialDelayMs: 1000 };
    await callWithRetry(script(unavailable()).call, budget, { ...time, random: () => 0.99 });
    expect(time.waits).toEqual([30]);
  });

  it('throws an interruption instead of turning it into a failure', async () => {
    const interrupted = new CancellationError('delivery_interrupted', 'stopping');
    await expect(callWithRetry(script(interrupted).call, policy, fakeTime())).rejects.toBe(
      interrupted,
    );
    const time = fakeTime();
    const stopping = {
      ...time,
      sleep: () => Promise.reject(interrupted),
    };
    await expect(callWithRetry(script(unavailable()).call, policy, stopping)).rejects.toBe(
      interrupted,
    );
  });

  it('turns an unexpected error into a non-retriable adapter failure', async () => {
    const result = await callWithRetry(script(new TypeError('boom')).call, policy, fakeTime());
    expect(result).toMatchObject({
      ok: false,
      attempts: 1,
      error: { code: 'adapter_failed', retriable: false },
    });
  });

  it('reports each retry with its wait', async () => {
    const seen: [string, number, number][] = [];
    await callWithRetry(script(unavailable(700)).call, policy, {
      ...fakeTime(),
      random: () => 0,
      onRetry: (error, attempt, wait) => seen.push([error.code, attempt, wait]),
    });
    expect(seen).toEqual([['receiver_unavailable', 1, 700]]);
  });
});
