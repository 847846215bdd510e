import type { FastifyInstance } from 'fastify';
import { sendPage, viewPage, type ConsoleContext } from '../console-context';
import { html } from '../html';
import { readServiceHealth, type ServiceHealth } from './service-health';

const readiness = (h: ServiceHealth) =>
  h.ready === null ? 'unreachable' : h.ready ? 'ready' : 'not ready';

const row = (h: ServiceHealth) =>
  html`<tr>
    <td>${h.name}</td>
    <td>${readiness(h)}</td>
    <td>
      ${Object.entries(h.checks)
        .filter(([k]) => k !== 'status')
        .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(', ')}
    </td>
    <td>
      ${h.lag.size === 0 ? '—' : [...h.lag].map(([metric, lag]) => `${lag} (${metric})`).join(', ')}
    </td>
  </tr>`;

/**
 * `GET /console/health`: the admin projection's state, each watched service's readiness and
 * consumer lag from its own `/readyz` and `/metrics`, and the open cases by reason.
 */
export function registerHealthPage(scope: FastifyInstance, ctx: ConsoleContext): void {
  scope.get(
    '/health',
    viewPage(ctx, async (_request, reply, session) => {
      const services = await Promise.all(
        ctx.options.services.map((s) => readServiceHealth(s.name, s.url)),
      );
      const figures = ctx.deps.projection.cases.figures(ctx.deps.now());
      const reasons = [...figures.openByReason].sort(([a], [b]) => a.localeCompare(b));
      return sendPage(
        reply,
        { title: 'Health', session },
        html`<h1>Health</h1>
          <h2>Services</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Readiness</th>
                <th scope="col">Checks</th>
                <th scope="col">Consumer lag (records)</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>admin</td>
                <td>${ctx.deps.caughtUp() ? 'ready' : 'catching up'}</td>
                <td>projection: ${ctx.deps.caughtUp() ? 'caught up' : 'reading the log'}</td>
                <td>—</td>
              </tr>
              ${services.map(row)}
            </tbody>
          </table>
          ${ctx.options.services.length === 0 ? html`<p class="muted">No services configured (CONSOLE_SERVICES=name=url,…).</p>` : ''}
          <h2>Open cases by reason</h2>
          ${
            reasons.length === 0
              ? html`<p>No open cases.</p>`
              : html`<table>
                    <thead>
                      <tr>
                        <th scope="col">Reason</th>
                        <th scope="col" class="num">Open</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${reasons.map(
                        ([r, n]) =>
                          html`<tr>
                            <td>
                              <a href="/console/cases?reason=${encodeURIComponent(r)}">${r}</a>
                            </td>
                            <td class="num">${n}</td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                  <p>Oldest open case: ${figures.oldestOpenAgeSeconds} s old.</p>`
          }`,
      );
    }),
  );
}
