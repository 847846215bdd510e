import { CancellationError } from '../../cancellation-error';

/** One outbound request. */
export interface HttpRequest {
  readonly method: 'POST' | 'DELETE';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** An answer, body read in full. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

/** Sends requests with a timeout; network failures become `CancellationError`s. */
export interface HttpClient {
  send(request: HttpRequest, signal: AbortSignal): Promise<HttpAnswer>;
}

/**
 * An {@link HttpClient} over `fetch`. Every request (body included) is bounded by `timeoutMs`;
 * `signal` aborts it when the service stops. Redirects are not followed: a signed request or
 * credentials must not travel to an address nobody configured.
 */
export function fetchHttpClient(timeoutMs: number, fetchImpl: typeof fetch = fetch): HttpClient {
  return {
    async send(request, signal) {
      const timeout = AbortSignal.timeout(timeoutMs);
      try {
        const response = await fetchImpl(request.url, {
          method: request.method,
          headers: request.headers,
          ...(request.body !== undefined && { body: request.body }),
          redirect: 'manual',
          signal: AbortSignal.any([signal, timeout]),
        });
        return { status: response.status, headers: response.headers, body: await response.text() };
      } catch (error) {
        throw networkError(error, request, signal, timeout, timeoutMs);
      }
    },
  };
}

function networkError(
  error: unknown,
  request: HttpRequest,
  stop: AbortSignal,
  timeout: AbortSignal,
  timeoutMs: number,
): CancellationError {
  const target = `${request.method} ${new URL(request.url).origin}`;
  if (stop.aborted) {
    return new CancellationError('delivery_interrupted', `${target}: the service is stopping`, {
      cause: error,
    });
  }
  if (timeout.aborted) {
    return new CancellationError(
      'receiver_timeout',
      `${target}: no answer within ${timeoutMs} ms`,
      {
        cause: error,
      },
    );
  }
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return new CancellationError('receiver_unreachable', `${target}: ${messageOf(error)}${code}`, {
    cause: error,
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
