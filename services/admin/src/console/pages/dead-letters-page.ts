import type { FastifyInstance } from 'fastify';
import type { deadLetterView } from '../../http/views';
import {
  callApi,
  field,
  formPost,
  refusePage,
  sendPage,
  viewPage,
  type ConsoleContext,
} from '../console-context';
import { masked, when } from '../format';
import { html, type SafeHtml } from '../html';
import { csrfField } from '../layout';
import type { ConsoleSession } from '../session';
import { CANCELLATION_REDRIVE_EFFECT, REDRIVE_EFFECT } from './money-effect';

type ShownDeadLetter = ReturnType<typeof deadLetterView>;

const QUEUES = [
  ['raw', 'Raw notifications (payments.notifications.raw.dlq)'],
  ['cancellations', 'Cancellation calls (subscriptions.cancellations.dlq)'],
] as const;

function redriveForm(d: ShownDeadLetter, session: ConsoleSession): SafeHtml {
  if (session.role !== 'operator' || d.raw === null) return html``;
  const id = `reason-${d.id}`;
  return html`<form
    method="post"
    action="/console/dead-letters/${encodeURIComponent(d.id)}/confirm"
  >
    ${csrfField(session)} <label for="${id}">Reason</label>
    <input id="${id}" name="reason" required maxlength="500" size="30" />
    <button>Review redrive…</button>
  </form>`;
}

function deadLetterItem(d: ShownDeadLetter, session: ConsoleSession): SafeHtml {
  // The API masks personal data before base64; decoding gives the masked text back.
  const body = d.raw === null ? null : Buffer.from(d.raw.body, 'base64').toString('utf8');
  return html`<li id="${d.id}">
    <strong>${d.errorCode}</strong> ${masked(d.errorMessage)} — ${when(d.deadLetteredAt)}
    ${d.orderKey === null ? '' : html`, order <a href="/console/orders?key=${encodeURIComponent(d.orderKey)}">${d.orderKey}</a>`}
    <a href="/console/cases/${d.caseId}">case</a>${
      body === null
        ? html`<p class="muted">no raw notification</p>`
        : html`<details>
            <summary>Raw bytes (${d.raw!.contentType}, personal data masked)</summary>
            <pre>${body}</pre>
          </details>`
    }${redriveForm(d, session)}
  </li>`;
}

/** `GET /console/dead-letters`: both dead-letter queues; redrive behind a confirmation. */
export function registerDeadLetterPages(scope: FastifyInstance, ctx: ConsoleContext): void {
  scope.get(
    '/dead-letters',
    viewPage(ctx, async (_request, reply, session) => {
      const sections: SafeHtml[] = [];
      for (const [queue, title] of QUEUES) {
        const answer = await callApi<{ deadLetters: ShownDeadLetter[] }>(
          ctx,
          session,
          'GET',
          `/v1/dead-letters?queue=${queue}`,
        );
        if (answer.status !== 200)
          return refusePage(reply, session, answer.status, answer.body.message ?? '');
        const list = answer.body.deadLetters;
        sections.push(
          html`<h2>${title}</h2>
            ${
              list.length === 0
                ? html`<p>Empty.</p>`
                : html`<ul>
                    ${list.map((d) => deadLetterItem(d, session))}
                  </ul>`
            }`,
        );
      }
      return sendPage(
        reply,
        { title: 'Dead letters', session },
        html`<h1>Dead letters</h1>
          ${sections}`,
      );
    }),
  );

  scope.post(
    '/dead-letters/:id/confirm',
    formPost(ctx, async (request, reply, session) => {
      const id = (request.params as { id: string }).id;
      if (session.role !== 'operator')
        return refusePage(reply, session, 403, 'Viewers cannot redrive.');
      const answer = await callApi<ShownDeadLetter>(
        ctx,
        session,
        'GET',
        `/v1/dead-letters/${encodeURIComponent(id)}`,
      );
      if (answer.status !== 200)
        return refusePage(reply, session, answer.status, answer.body.message ?? '');
      const reason = field(request, 'reason').trim();
      const effect = id.startsWith('cancellations-') ? CANCELLATION_REDRIVE_EFFECT : REDRIVE_EFFECT;
      return sendPage(
        reply,
        { title: 'Confirm redrive', session },
        html`<h1>Confirm redrive of ${id}</h1>
          <p id="money-effect"><strong>This ${effect}.</strong></p>
          <p>Reason: ${reason}</p>
          <form method="post" action="/console/dead-letters/${encodeURIComponent(id)}/redrive">
            ${csrfField(session)} <input type="hidden" name="reason" value="${reason}" /><button>
              Confirm redrive
            </button>
            <a href="/console/dead-letters">Cancel</a>
          </form>`,
      );
    }),
  );

  scope.post(
    '/dead-letters/:id/redrive',
    formPost(ctx, async (request, reply, session) => {
      const id = (request.params as { id: string }).id;
      const answer = await callApi<{ redriveId: string }>(
        ctx,
        session,
        'POST',
        `/v1/dead-letters/${encodeURIComponent(id)}/redrive`,
        {
          reason: field(request, 'reason'),
        },
      );
      if (answer.status !== 202)
        return refusePage(reply, session, answer.status, answer.body.message ?? '');
      return sendPage(
        reply,
        {
          title: 'Redriven',
          session,
          notice: { text: `Redrive ${answer.body.redriveId} written for ${id}.` },
        },
        html`<h1>Redriven</h1>
          <p><a href="/console/dead-letters">Back to the dead letters</a></p>`,
      );
    }),
  );
}
