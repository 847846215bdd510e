import { CancellationError, type CancellationErrorCode } from '../../cancellation-error';
import type { HttpAnswer } from './http-client';
import { parseRetryAfter } from './retry-after';

/**
 * The error a non-2xx answer means, or `undefined` for a 2xx: 429 is rate limiting (with the
 * receiver's `Retry-After`, else `defaultRetryAfterMs`), 408 and 5xx are temporary, anything
 * else (4xx, an unfollowed redirect) is a refusal coded `refusedCode`, which is not retried.
 */
export function errorForStatus(
  answer: HttpAnswer,
  context: {
    readonly what: string;
    readonly nowMs: number;
    readonly refusedCode: CancellationErrorCode;
    readonly defaultRetryAfterMs?: number;
  },
): CancellationError | undefined {
  const { status } = answer;
  if (status >= 200 && status < 300) return undefined;
  const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'), context.nowMs);
  const message = `${context.what} answered HTTP ${status}${excerpt(answer.body)}`;
  if (status === 429) {
    const wait = retryAfterMs ?? context.defaultRetryAfterMs;
    return new CancellationError('receiver_rate_limited', message, {
      status,
      ...(wait !== undefined && { retryAfterMs: wait }),
    });
  }
  if (status === 408 || status >= 500) {
    return new CancellationError('receiver_unavailable', message, {
      status,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    });
  }
  return new CancellationError(context.refusedCode, message, { status });
}

/** A short, single-line excerpt of an answer body for error messages. */
export function excerpt(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text === '') return '';
  return `: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`;
}
