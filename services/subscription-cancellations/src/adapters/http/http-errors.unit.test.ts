import { CancellationError } from '../../cancellation-error';
import { fetchHttpClient } from './http-client';
import { parseRetryAfter } from './retry-after';
import { errorForStatus } from './status-error';

const now = Date.parse('2026-01-15T10:00:00Z');
const answer = (status: number, headers: Record<string, string> = {}, body = '') => ({
  status,
  headers: new Headers(headers),
  body,
});
const context = { what: 'the receiver', nowMs: now, refusedCode: 'receiver_rejected' as const };

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, never negative', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 15 Jan 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 15 Jan 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores what is missing or unreadable', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
  });
});

describe('errorForStatus', () => {
  it('passes 2xx', () => {
    expect(errorForStatus(answer(200), context)).toBeUndefined();
    expect(errorForStatus(answer(204), context)).toBeUndefined();
  });

  it('makes 429 retriable with the Retry-After wait, or the default', () => {
    expect(errorForStatus(answer(429, { 'retry-after': '3' }), context)).toMatchObject({
      code: 'receiver_rate_limited',
      retriable: true,
      retryAfterMs: 3000,
      status: 429,
    });
    expect(errorForStatus(answer(429), { ...context, defaultRetryAfterMs: 1000 })).toMatchObject({
      retryAfterMs: 1000,
    });
  });

  it.each([500, 502, 503, 408])('makes %d retriable', (status) => {
    expect(errorForStatus(answer(status), context)).toMatchObject({
      code: 'receiver_unavailable',
      retriable: true,
    });
  });

  it.each([400, 401, 404, 410, 302])('makes %d a refusal, not retried', (status) => {
    expect(errorForStatus(answer(status, {}, 'no\nsuch  thing'), context)).toMatchObject({
      code: 'receiver_rejected',
      retriable: false,
      message: `the receiver answered HTTP ${status}: no such thing`,
    });
  });
});

describe('fetchHttpClient', () => {
  const request = { method: 'POST' as const, url: 'http://127.0.0.1:1/hook', headers: {} };
  const hanging: typeof fetch = (_url, init) =>
    new Promise((_resolve, reject) =>
      init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
    );

  it('times out a request that does not answer', async () => {
    const error: unknown = await fetchHttpClient(20, hanging)
      .send(request, new AbortController().signal)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancellationError);
    expect(error).toMatchObject({ code: 'receiver_timeout' });
  });

  it('reports a stop as an interruption, not as a failure of the receiver', async () => {
    const stop = new AbortController();
    const sending = fetchHttpClient(60_000, hanging).send(request, stop.signal);
    stop.abort();
    const error: unknown = await sending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancellationError);
    expect(error).toMatchObject({ code: 'delivery_interrupted' });
  });

  it('reports connection failures as unreachable, retriable', async () => {
    const refused: typeof fetch = () =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
        }),
      );
    const error: unknown = await fetchHttpClient(1000, refused)
      .send(request, new AbortController().signal)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'receiver_unreachable', retriable: true });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });
});
