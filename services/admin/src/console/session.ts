import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { authenticate, type Principal, type TokenEntry } from '../auth/tokens';

/** The cookie that carries the bearer token: HttpOnly, SameSite=Strict, console paths only. */
const SESSION_COOKIE = 'clawback_console';
/** Eight hours: a working shift; the token itself stays valid as configured. */
const MAX_AGE_SECONDS = 8 * 3600;

/** A logged-in console user: who, the token the API calls carry, the CSRF token of forms. */
export interface ConsoleSession extends Principal {
  readonly token: string;
  readonly csrf: string;
}

/** Makes and checks sessions; the CSRF key lives as long as the process. */
export interface Sessions {
  /** The session of a request's cookie, or `null` (no cookie, unknown token). */
  of(request: FastifyRequest): ConsoleSession | null;
  /** The session a token opens, or `null` for an unknown token. */
  open(token: string): ConsoleSession | null;
  /** True when `presented` is the CSRF token of `session`. */
  csrfMatches(session: ConsoleSession, presented: unknown): boolean;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const [key, ...rest] = pair.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The `Set-Cookie` value that stores `token` (or clears it with `null`). */
export function sessionCookie(token: string | null): string {
  const value = token === null ? '' : encodeURIComponent(token);
  const age = token === null ? 0 : MAX_AGE_SECONDS;
  return `${SESSION_COOKIE}=${value}; Path=/console; HttpOnly; SameSite=Strict; Max-Age=${age}`;
}

/**
 * Sessions bound to the configured tokens. The CSRF token is an HMAC of the bearer token under
 * a key made at start, so it is bound to the cookie, needs no server-side store, and a page of
 * another origin can neither read it nor derive it.
 */
export function createSessions(tokens: readonly TokenEntry[], csrfKey: Buffer): Sessions {
  const csrfOf = (token: string) => createHmac('sha256', csrfKey).update(token).digest('base64url');
  const open = (token: string): ConsoleSession | null => {
    if (!/^\S+$/.test(token)) return null;
    const principal = authenticate(`Bearer ${token}`, tokens);
    return principal === null ? null : { ...principal, token, csrf: csrfOf(token) };
  };
  return {
    open,
    of: (request) => {
      const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
      return token === undefined || token === '' ? null : open(token);
    },
    csrfMatches: (session, presented) => {
      if (typeof presented !== 'string') return false;
      const a = Buffer.from(presented);
      const b = Buffer.from(session.csrf);
      return a.length === b.length && timingSafeEqual(a, b);
    },
  };
}

/**
 * True when a state-changing request comes from the console's own origin: the `Origin` header
 * (browsers send it on every POST) must name the host the request was sent to.
 */
export function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  const host = request.headers.host;
  if (origin === undefined || host === undefined) return false;
  return origin === `${request.protocol}://${host}`;
}
