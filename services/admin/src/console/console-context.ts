import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AdminDependencies } from '../http/admin-app';
import { html, type SafeHtml } from './html';
import { layout, type PageFrame } from './layout';
import { sameOrigin, type ConsoleSession, type Sessions } from './session';

/** A service whose readiness and lag the health page shows. */
export interface WatchedService {
  readonly name: string;
  /** Base URL of its `/readyz` and `/metrics`. */
  readonly url: string;
}

/** What the console pages need besides the admin app's own dependencies. */
export interface ConsoleOptions {
  /** commission-reversals' ledger read API (`COMMISSIONS_URL`), if configured. */
  readonly commissionsUrl: string | null;
  readonly services: readonly WatchedService[];
}

/** Everything a page handler reads from. */
export interface ConsoleContext {
  readonly app: FastifyInstance;
  readonly deps: AdminDependencies;
  readonly options: ConsoleOptions;
  readonly sessions: Sessions;
}

/** An answer of the admin API as a page reads it. */
export interface ApiAnswer<T> {
  readonly status: number;
  readonly body: T & { readonly error?: string; readonly message?: string };
}

/** The admin app's own loopback base URL (it must be listening). */
function selfUrl(app: FastifyInstance): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string')
    throw new Error('the admin app is not listening');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host === '0.0.0.0' ? '127.0.0.1' : host === '[::]' ? '[::1]' : host}:${address.port}`;
}

/**
 * Calls the admin API over its own loopback listener with the session's bearer token, so the
 * console goes through exactly the roles, validation and errors the API has (no second
 * implementation of them).
 */
export async function callApi<T>(
  ctx: ConsoleContext,
  session: ConsoleSession,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
): Promise<ApiAnswer<T>> {
  const response = await fetch(`${selfUrl(ctx.app)}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${session.token}`,
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: response.status, body: (await response.json()) as ApiAnswer<T>['body'] };
}

/** Sends a console document. */
export function sendPage(
  reply: FastifyReply,
  frame: PageFrame,
  content: SafeHtml,
  status = 200,
): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(layout(frame, content));
}

/** A page that only says why the request was refused. */
export function refusePage(
  reply: FastifyReply,
  session: ConsoleSession | null,
  status: number,
  message: string,
): FastifyReply {
  return sendPage(
    reply,
    { title: `Error ${status}`, session, notice: { text: message, error: true } },
    html`<h1>Not done</h1>
      <p><a href="/console/cases">Back to the cases</a></p>`,
    status,
  );
}

type Handler = (
  request: FastifyRequest,
  reply: FastifyReply,
  session: ConsoleSession,
) => Promise<FastifyReply>;

/** A GET page: logged-in users only (others are sent to the login form). */
export const viewPage =
  (ctx: ConsoleContext, handler: Handler) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const session = ctx.sessions.of(request);
    if (session === null) return reply.redirect('/console/login', 303);
    return handler(request, reply, session);
  };

/**
 * A state-changing form post: a session, the console's own `Origin`, and the session's CSRF
 * token in the form, else 403 before anything else runs. The role is left to the API.
 */
export const formPost =
  (ctx: ConsoleContext, handler: Handler) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const session = ctx.sessions.of(request);
    if (session === null) return refusePage(reply, null, 401, 'Log in first.');
    const form = (request.body ?? {}) as Record<string, unknown>;
    if (!sameOrigin(request) || !ctx.sessions.csrfMatches(session, form.csrf))
      return refusePage(reply, session, 403, 'This form did not come from this console.');
    return handler(request, reply, session);
  };

/** A form field as text ('' when absent or repeated). */
export function field(request: FastifyRequest, name: string): string {
  const value = ((request.body ?? {}) as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

/** A query parameter as text ('' when absent or repeated). */
export function param(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}
