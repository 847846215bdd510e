import type { FastifyInstance } from 'fastify';
import type { EventTimelineEntry, TimelineEntry } from '../../timeline/timeline-entry';
import { callApi, param, sendPage, viewPage, type ConsoleContext } from '../console-context';
import { masked, money, when } from '../format';
import { html, type SafeHtml } from '../html';
import { notificationFacts } from './notification-facts';
import { paidRefundedChart } from './paid-refunded-chart';

const searchForm = (orderKey: string) =>
  html`<form method="get" action="/console/orders">
    <fieldset>
      <legend>Find an order</legend>
      <label for="key">Order key</label>
      <input id="key" name="key" value="${orderKey}" placeholder="kartra:merchant:ref" />
      <span class="muted">or</span>
      <label for="provider">Provider</label> <input id="provider" name="provider" size="9" />
      <label for="merchant">Merchant</label> <input id="merchant" name="merchant" size="12" />
      <label for="ref">Provider order ref</label> <input id="ref" name="ref" size="12" />
      <button>Show</button>
    </fieldset>
  </form>`;

function eventLine(e: EventTimelineEntry): SafeHtml {
  const refunded =
    e.refundedTotal === null ? '' : `, refunded ${money(e.refundedTotal, e.currency)} in all`;
  return html`<strong>${e.type}</strong>
    ${e.amount === null ? '' : money(e.amount, e.currency)}${refunded}${
      e.reason === null ? '' : html` — <span>${e.reason}</span>`
    }${e.detail === null ? '' : html` <span class="muted">${masked(e.detail)}</span>`}`;
}

function entryItem(
  entry: TimelineEntry,
  caused: readonly EventTimelineEntry[],
  merchantId: string,
): SafeHtml {
  const at = html`<time datetime="${entry.at}">${when(entry.at)}</time>`;
  switch (entry.kind) {
    case 'notification': {
      const what =
        entry.operatorCommand !== null
          ? `operator ${entry.operatorCommand.resolution} by ${entry.operatorCommand.operatorId}: ${masked(entry.operatorCommand.reason)}`
          : `${entry.provider} ${entry.notificationKind ?? 'notification'} (${entry.contentType})`;
      return html`<li>
        ${at}
        <strong>${what}</strong>${entry.redriveOf === null ? '' : ` redrive of ${entry.redriveOf}`}
        — ${notificationFacts(entry)},
        <span class="outcome-${entry.outcome}">${entry.outcome}</span>${
          entry.reason === null ? '' : html` (${entry.reason})`
        }${
          caused.length === 0
            ? ''
            : html`<ul>
                ${caused.map((e) => html`<li>${eventLine(e)}</li>`)}
              </ul>`
        }
      </li>`;
    }
    case 'event':
      return html`<li>${at} ${eventLine(entry)}</li>`;
    case 'commission_adjustment':
      return html`<li>
        ${at} <strong>${entry.type}</strong> ${money(entry.amount, entry.currency)} for
        <a href="/console/affiliates?merchant=${merchantId}&amp;affiliate=${entry.affiliateId}"
          >${entry.affiliateId}</a
        >
        (${entry.reason}; reversed ${money(entry.reversedTotal, entry.currency)} of
        ${money(entry.earnedTotal, entry.currency)})
      </li>`;
    case 'cancellation':
      return html`<li>
        ${at} <strong>${entry.type}</strong> subscription ${entry.subscriptionRef} (${entry.cause},
        ${entry.attempts} attempt(s))
      </li>`;
    case 'dead_letter':
      return html`<li>
        ${at} <strong>dead letter</strong> in ${entry.queue}: ${entry.errorCode} —
        ${masked(entry.errorMessage)}
      </li>`;
  }
}

/** The timeline as a list: each notification with the events it caused beneath it. */
function timelineList(entries: readonly TimelineEntry[], merchantId: string): SafeHtml {
  const byCause = new Map<string, EventTimelineEntry[]>();
  const causes = new Set(
    entries.flatMap((e) =>
      e.kind === 'notification' ? [e.operatorCommand?.commandId ?? e.notificationId ?? ''] : [],
    ),
  );
  for (const e of entries)
    if (e.kind === 'event' && causes.has(e.causationId))
      byCause.set(e.causationId, [...(byCause.get(e.causationId) ?? []), e]);
  const items = entries.flatMap((e) => {
    if (e.kind === 'event' && byCause.has(e.causationId)) return [];
    const id =
      e.kind === 'notification' ? (e.operatorCommand?.commandId ?? e.notificationId) : null;
    return [entryItem(e, id === null ? [] : (byCause.get(id) ?? []), merchantId)];
  });
  return html`<ol class="timeline">
    ${items}
  </ol>`;
}

/** `GET /console/orders`: search by order key (or its parts), timeline and chart. */
export function registerOrderPage(scope: FastifyInstance, ctx: ConsoleContext): void {
  scope.get(
    '/orders',
    viewPage(ctx, async (request, reply, session) => {
      const parts = ['provider', 'merchant', 'ref'].map((n) => param(request, n).trim());
      const key =
        param(request, 'key').trim() || (parts.every((p) => p !== '') ? parts.join(':') : '');
      const frame = { title: key === '' ? 'Order' : `Order ${key}`, session };
      if (key === '')
        return sendPage(
          reply,
          frame,
          html`<h1>Order</h1>
            ${searchForm('')}`,
        );
      const answer = await callApi<{ entries: TimelineEntry[] }>(
        ctx,
        session,
        'GET',
        `/v1/orders/${encodeURIComponent(key)}`,
      );
      if (answer.status !== 200)
        return sendPage(
          reply,
          { ...frame, notice: { text: answer.body.message ?? 'not found', error: true } },
          html`<h1>Order</h1>
            ${searchForm(key)}`,
          answer.status,
        );
      const { entries } = answer.body;
      return sendPage(
        reply,
        frame,
        html`<h1>Order ${key}</h1>
          ${searchForm(key)}
          <h2>Paid and refunded</h2>
          ${paidRefundedChart(entries)}
          <h2>Timeline</h2>
          <p class="muted">${entries.length} records, in log order.</p>
          ${timelineList(entries, key.split(':')[1] ?? '')}`,
      );
    }),
  );
}
