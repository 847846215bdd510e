import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AdminDependencies } from '../http/admin-app';
import {
  field,
  refusePage,
  sendPage,
  type ConsoleContext,
  type ConsoleOptions,
} from './console-context';
import { CONSOLE_CSS } from './console-css';
import { html } from './html';
import { registerAffiliatePage } from './pages/affiliates-page';
import { registerCasePages } from './pages/cases-page';
import { registerDeadLetterPages } from './pages/dead-letters-page';
import { registerHealthPage } from './pages/health-page';
import { registerOrderPage } from './pages/order-page';
import { createSessions, sameOrigin, sessionCookie } from './session';

// No script at all: nothing may run but the console's own markup and stylesheet.
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

function loginForm() {
  return html`<h1>Log in</h1>
    <form method="post" action="/console/login">
      <label for="token">Admin token</label>
      <input id="token" name="token" type="password" autocomplete="current-password" required />
      <button>Log in</button>
    </form>
    <p class="muted">Tokens are configured in ADMIN_TOKENS; viewers see, operators resolve.</p>`;
}

/**
 * The operator console under `/console` (ADR 0018): server-rendered pages over the admin API,
 * a login form that keeps the token in an HttpOnly, SameSite=Strict cookie, and forms guarded
 * by the session's CSRF token and an `Origin` check.
 */
export function registerConsole(
  app: FastifyInstance,
  deps: AdminDependencies,
  options: ConsoleOptions,
): void {
  const sessions = createSessions(deps.tokens, randomBytes(32));
  void app.register(
    (scope, _opts, done) => {
      const ctx: ConsoleContext = { app, deps, options, sessions };
      scope.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: 16_384 },
        (_request, body, parsed) =>
          parsed(null, Object.fromEntries(new URLSearchParams(body as string))),
      );
      scope.addHook('onSend', (_request, reply, payload, next) => {
        void reply.headers(SECURITY_HEADERS);
        next(null, payload);
      });
      scope.get('/console.css', (_request, reply) =>
        reply
          .type('text/css; charset=utf-8')
          .header('cache-control', 'max-age=3600')
          .send(CONSOLE_CSS),
      );
      scope.get('/', (_request, reply) => reply.redirect('/console/cases', 303));
      scope.get('/login', (_request, reply) =>
        sendPage(reply, { title: 'Log in', session: null }, loginForm()),
      );
      scope.post('/login', (request, reply) => {
        if (!sameOrigin(request)) return refusePage(reply, null, 403, 'Log in from this console.');
        const session = sessions.open(field(request, 'token'));
        if (session === null)
          return sendPage(
            reply,
            { title: 'Log in', session: null, notice: { text: 'Unknown token.', error: true } },
            loginForm(),
            401,
          );
        return reply
          .header('set-cookie', sessionCookie(session.token))
          .redirect('/console/cases', 303);
      });
      scope.post('/logout', (request, reply) => {
        const session = sessions.of(request);
        const form = (request.body ?? {}) as Record<string, unknown>;
        if (session !== null && (!sameOrigin(request) || !sessions.csrfMatches(session, form.csrf)))
          return refusePage(reply, session, 403, 'This form did not come from this console.');
        return reply.header('set-cookie', sessionCookie(null)).redirect('/console/login', 303);
      });
      registerOrderPage(scope, ctx);
      registerCasePages(scope, ctx);
      registerDeadLetterPages(scope, ctx);
      registerAffiliatePage(scope, ctx);
      registerHealthPage(scope, ctx);
      done();
    },
    { prefix: '/console' },
  );
}
