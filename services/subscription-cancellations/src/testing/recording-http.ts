import type { HttpAnswer, HttpClient, HttpRequest } from '../adapters/http/http-client';

/** An {@link HttpClient} for unit tests: records requests, answers from a script. */
export interface RecordingHttp extends HttpClient {
  readonly requests: HttpRequest[];
}

/** Answers each request with the next of `answers` (the last one repeats). */
export function recordingHttp(
  ...answers: { status: number; body?: string; headers?: Record<string, string> }[]
): RecordingHttp {
  const requests: HttpRequest[] = [];
  return {
    requests,
    send(request) {
      requests.push(request);
      const next = answers[Math.min(requests.length, answers.length) - 1]!;
      const answer: HttpAnswer = {
        status: next.status,
        headers: new Headers(next.headers ?? {}),
        body: next.body ?? '',
      };
      return Promise.resolve(answer);
    },
  };
}
