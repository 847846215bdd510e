import { CliError } from '../cli-error';
import type { Connection } from '../command-line/invocation';

/** How long one HTTP request may take before the API counts as unreachable. */
const REQUEST_TIMEOUT_MS = 15_000;

/** A JSON answer of the admin API with its HTTP status. */
interface ApiAnswer<T> {
  readonly status: number;
  readonly body: T;
}

/** Calls the admin API with the connection's token; every failure is a {@link CliError}. */
export interface AdminClient {
  get<T>(path: string): Promise<ApiAnswer<T>>;
  post<T>(path: string, body: unknown): Promise<ApiAnswer<T>>;
}

/**
 * An {@link AdminClient} over `fetch`: 4xx → `refused` (with the API's error code and
 * message), 5xx, no answer or an answer that is not JSON → `unreachable`.
 */
export function adminClient(connection: Connection): AdminClient {
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown) => {
    const url = `${connection.baseUrl}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...(connection.token !== undefined && { authorization: `Bearer ${connection.token}` }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (cause) {
      throw new CliError('unreachable', `${method} ${url}: no answer (${describe(cause)})`, {
        cause,
      });
    }
    const text = await response.text();
    const parsed = parseJson(text);
    if (response.status >= 400) throw refusal(method, url, response.status, parsed, text);
    if (parsed === undefined) {
      throw new CliError(
        'unreachable',
        `${method} ${url}: HTTP ${response.status} answered something that is not JSON`,
      );
    }
    return { status: response.status, body: parsed as T };
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
  };
}

function refusal(
  method: string,
  url: string,
  status: number,
  parsed: unknown,
  text: string,
): CliError {
  const problem = parsed as { error?: unknown; message?: unknown } | undefined;
  const apiError = typeof problem?.error === 'string' ? problem.error : undefined;
  const message =
    typeof problem?.message === 'string' ? problem.message : text.slice(0, 200) || 'no message';
  const code = status >= 500 ? 'unreachable' : 'refused';
  const where = code === 'unreachable' ? `${method} ${url}: ` : '';
  const what = apiError === undefined ? `HTTP ${status}` : `HTTP ${status} ${apiError}`;
  return new CliError(code, `${where}${what}: ${message}`, {
    ...(apiError !== undefined && { apiError }),
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return `${cause.message}${inner}`;
}
