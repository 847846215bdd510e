import type { FastifyInstance } from 'fastify';
import type { Case } from '../../cases/case';
import type { TimelineEntry } from '../../timeline/timeline-entry';
import {
  callApi,
  field,
  formPost,
  param,
  refusePage,
  sendPage,
  viewPage,
  type ConsoleContext,
} from '../console-context';
import { masked, money, when } from '../format';
import { html, type SafeHtml } from '../html';
import { csrfField } from '../layout';
import type { ConsoleSession } from '../session';
import { moneyEffect } from './money-effect';

type ShownCase = Case & { readonly allowedResolutions: readonly string[] };

/** Age filters of the cases list: minimum age of `firstSeen`. */
const AGES: readonly (readonly [string, string, number])[] = [
  ['', 'any age', 0],
  ['1h', 'older than 1 hour', 3_600_000],
  ['1d', 'older than 1 day', 86_400_000],
  ['7d', 'older than 7 days', 7 * 86_400_000],
];

const option = (value: string, label: string, chosen: string) =>
  html`<option value="${value}" ${value === chosen ? html` selected` : ''}>${label}</option>`;

function filterForm(reasons: readonly string[], chosen: Record<string, string>): SafeHtml {
  return html`<form method="get" action="/console/cases">
    <fieldset>
      <legend>Filter</legend>
      <label for="reason">Reason</label>
      <select id="reason" name="reason">
        ${option('', 'any reason', chosen.reason!)}${reasons.map((r) => option(r, r, chosen.reason!))}
      </select>
      <label for="merchant">Merchant</label>
      <input id="merchant" name="merchant" value="${chosen.merchant}" size="14" />
      <label for="age">Age</label>
      <select id="age" name="age">
        ${AGES.map(([v, l]) => option(v, l, chosen.age!))}
      </select>
      <label for="status">Status</label>
      <select id="status" name="status">
        ${['open', 'resolved', 'dismissed'].map((s) => option(s, s, chosen.status!))}
      </select>
      <button>Filter</button>
    </fieldset>
  </form>`;
}

const caseRow = (c: ShownCase) =>
  html`<tr>
    <td><a href="/console/cases/${c.caseId}">${c.caseId}</a></td>
    <td>${c.reasonCode}</td>
    <td>${c.merchantId}</td>
    <td><a href="/console/orders?key=${encodeURIComponent(c.orderKey)}">${c.orderKey}</a></td>
    <td class="num">${money(c.amounts.amount, c.amounts.currency)}</td>
    <td>${when(c.firstSeen)}</td>
    <td>${c.status}</td>
  </tr>`;

function resolutionForm(c: ShownCase, resolution: string, session: ConsoleSession): SafeHtml {
  if (resolution === 'redrive')
    return html`<p>
      Redrive it from the <a href="/console/dead-letters#${c.subjectId}">dead letters</a>.
    </p>`;
  const id = `${resolution}-reason`;
  return html`<form method="post" action="/console/cases/${c.caseId}/confirm">
    <fieldset>
      <legend>${resolution}</legend>
      ${csrfField(session)}<input type="hidden" name="resolution" value="${resolution}" />
      ${resolution === 'attach' ? html`<label for="attach-order">Attach to order key</label> <input id="attach-order" name="orderKey" required size="28" />` : ''}
      <label for="${id}">Reason</label>
      <input id="${id}" name="reason" required maxlength="500" size="36" />
      <button>Review ${resolution}…</button>
    </fieldset>
  </form>`;
}

function casePage(c: ShownCase, session: ConsoleSession): SafeHtml {
  const canResolve = session.role === 'operator' && c.allowedResolutions.length > 0;
  return html`<h1>Case ${c.caseId}</h1>
    <dl>
      <dt>Reason</dt>
      <dd>${c.reasonCode} (${c.kind})</dd>
      <dt>Detail</dt>
      <dd>${masked(c.detail)}</dd>
      <dt>Order</dt>
      <dd>
        <a href="/console/orders?key=${encodeURIComponent(c.orderKey)}">${c.orderKey}</a> —
        ${c.provider}, merchant ${c.merchantId}
      </dd>
      <dt>Amount</dt>
      <dd>
        ${money(c.amounts.amount, c.amounts.currency)}${c.amounts.applied > 0 ? `, applied ${money(c.amounts.applied, c.amounts.currency)}` : ''}
      </dd>
      <dt>Notification</dt>
      <dd>${c.subjectId}</dd>
      <dt>Seen</dt>
      <dd>${when(c.firstSeen)} – ${when(c.lastSeen)}</dd>
      <dt>Status</dt>
      <dd id="case-status">${c.status}</dd>
    </dl>
    <h2>Resolutions so far</h2>
    ${
      c.resolutions.length === 0
        ? html`<p>None.</p>`
        : html`<ul>
            ${c.resolutions.map((r) => html`<li>${r.resolution} by ${r.operatorId} on ${r.orderKey}: ${masked(r.reason)}${r.refusal === null ? '' : html` — <strong>refused</strong>: ${r.refusal}`}</li>`)}
          </ul>`
    }
    <h2>Resolve</h2>
    ${
      canResolve
        ? c.allowedResolutions.map((r) => resolutionForm(c, r, session))
        : html`<p>
            ${session.role === 'operator' ? 'Nothing fits this case now.' : 'Viewers cannot resolve cases.'}
          </p>`
    }`;
}

function confirmPage(
  c: ShownCase,
  form: Record<string, string>,
  effect: string,
  session: ConsoleSession,
) {
  return html`<h1>Confirm ${form.resolution} of case ${c.caseId}</h1>
    <p id="money-effect"><strong>This ${effect}.</strong></p>
    <p>Reason: ${form.reason}</p>
    <form method="post" action="/console/cases/${c.caseId}/resolve">
      ${csrfField(session)}
      ${['resolution', 'orderKey', 'reason'].map((n) => html`<input type="hidden" name="${n}" value="${form[n]}" />`)}
      <button>Confirm ${form.resolution}</button> <a href="/console/cases/${c.caseId}">Cancel</a>
    </form>`;
}

/** `GET /console/cases`, `GET /console/cases/{id}`, and the confirm-then-resolve form posts. */
export function registerCasePages(scope: FastifyInstance, ctx: ConsoleContext): void {
  scope.get(
    '/cases',
    viewPage(ctx, async (request, reply, session) => {
      const chosen = Object.fromEntries(
        ['reason', 'merchant', 'age', 'status'].map((n) => [n, param(request, n)]),
      );
      chosen.status ||= 'open';
      const query = new URLSearchParams({ status: chosen.status });
      if (chosen.merchant !== '') query.set('merchant', chosen.merchant!);
      const answer = await callApi<{ cases: ShownCase[] }>(
        ctx,
        session,
        'GET',
        `/v1/cases?${query.toString()}`,
      );
      if (answer.status !== 200)
        return refusePage(reply, session, answer.status, answer.body.message ?? '');
      const reasons = [...new Set(answer.body.cases.map((c) => c.reasonCode))].sort();
      const minAge = AGES.find(([v]) => v === chosen.age)?.[2] ?? 0;
      const now = ctx.deps.now();
      const shown = answer.body.cases.filter(
        (c) =>
          (chosen.reason === '' || c.reasonCode === chosen.reason) &&
          now - Date.parse(c.firstSeen) >= minAge,
      );
      return sendPage(
        reply,
        { title: 'Cases', session },
        html`<h1>Cases</h1>
          ${filterForm(reasons, chosen)}
          <p>${shown.length} ${chosen.status} case(s), oldest first.</p>
          <table>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Reason</th>
                <th scope="col">Merchant</th>
                <th scope="col">Order</th>
                <th scope="col" class="num">Amount</th>
                <th scope="col">First seen</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              ${shown.map(caseRow)}
            </tbody>
          </table>`,
      );
    }),
  );

  const getCase = (session: ConsoleSession, caseId: string) =>
    callApi<ShownCase>(ctx, session, 'GET', `/v1/cases/${encodeURIComponent(caseId)}`);

  scope.get<{ Params: { caseId: string } }>(
    '/cases/:caseId',
    viewPage(ctx, async (request, reply, session) => {
      const answer = await getCase(session, (request.params as { caseId: string }).caseId);
      if (answer.status !== 200)
        return refusePage(reply, session, answer.status, answer.body.message ?? '');
      const written = param(request, 'written');
      return sendPage(
        reply,
        {
          title: `Case ${answer.body.caseId}`,
          session,
          ...(written !== '' && {
            notice: {
              text: `Command ${written} written; the case follows once the order lifecycle has applied it.`,
            },
          }),
        },
        casePage(answer.body, session),
      );
    }),
  );

  scope.post(
    '/cases/:caseId/confirm',
    formPost(ctx, async (request, reply, session) => {
      const answer = await getCase(session, (request.params as { caseId: string }).caseId);
      if (answer.status !== 200)
        return refusePage(reply, session, answer.status, answer.body.message ?? '');
      const c = answer.body;
      const form = Object.fromEntries(
        ['resolution', 'orderKey', 'reason'].map((n) => [n, field(request, n).trim()]),
      );
      if (session.role !== 'operator')
        return refusePage(reply, session, 403, 'Viewers cannot resolve cases.');
      if (!c.allowedResolutions.includes(form.resolution!))
        return refusePage(reply, session, 409, `${form.resolution} does not fit this case now.`);
      const targetKey = form.resolution === 'attach' ? form.orderKey! : c.orderKey;
      const target = await callApi<{ entries: TimelineEntry[] }>(
        ctx,
        session,
        'GET',
        `/v1/orders/${encodeURIComponent(targetKey)}`,
      );
      const effect = moneyEffect(
        c,
        form.resolution!,
        targetKey,
        target.status === 200 ? target.body.entries : undefined,
      );
      return sendPage(reply, { title: 'Confirm', session }, confirmPage(c, form, effect, session));
    }),
  );

  scope.post(
    '/cases/:caseId/resolve',
    formPost(ctx, async (request, reply, session) => {
      const caseId = (request.params as { caseId: string }).caseId;
      const resolution = field(request, 'resolution');
      const orderKey = field(request, 'orderKey');
      const answer = await callApi<{ commandId: string }>(
        ctx,
        session,
        'POST',
        `/v1/cases/${encodeURIComponent(caseId)}/resolutions`,
        {
          resolution,
          reason: field(request, 'reason'),
          ...(resolution === 'attach' && { orderKey }),
        },
      );
      if (answer.status !== 202)
        return refusePage(reply, session, answer.status, answer.body.message ?? '');
      return reply.redirect(
        `/console/cases/${encodeURIComponent(caseId)}?written=${encodeURIComponent(answer.body.commandId)}`,
        303,
      );
    }),
  );
}
