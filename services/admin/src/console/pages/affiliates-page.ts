import type { FastifyInstance } from 'fastify';
import { param, sendPage, viewPage, type ConsoleContext } from '../console-context';
import { money, when } from '../format';
import { html, type SafeHtml } from '../html';

/** A page of commission-reversals' ledger read API (`GET /v1/affiliates/{m}/{a}`). */
interface LedgerPage {
  readonly balances: readonly {
    currency: string;
    earned: number;
    reversed: number;
    reinstated: number;
    balance: number;
  }[];
  readonly entries: readonly {
    adjustmentId: string;
    type: string;
    reason: string;
    orderKey: string;
    currency: string;
    amount: number;
    balanceAfter: number;
    occurredAt: string;
  }[];
  readonly totalEntries: number;
  readonly nextCursor?: number | null;
}

const PAGE_SIZE = 20;

const searchForm = (merchant: string, affiliate: string) =>
  html`<form method="get" action="/console/affiliates">
    <fieldset>
      <legend>Find an affiliate</legend>
      <label for="merchant">Merchant</label>
      <input id="merchant" name="merchant" value="${merchant}" required />
      <label for="affiliate">Affiliate</label>
      <input id="affiliate" name="affiliate" value="${affiliate}" required /> <button>Show</button>
    </fieldset>
  </form>`;

function ledgerView(page: LedgerPage, link: (cursor: number) => string, cursor: number): SafeHtml {
  const next = cursor + page.entries.length;
  return html`<h2>Balances</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">Currency</th>
          <th scope="col" class="num">Earned</th>
          <th scope="col" class="num">Reversed</th>
          <th scope="col" class="num">Reinstated</th>
          <th scope="col" class="num">Balance</th>
        </tr>
      </thead>
      <tbody>
        ${page.balances.map(
          (b) =>
            html`<tr>
              <td>${b.currency}</td>
              <td class="num">${money(b.earned, b.currency)}</td>
              <td class="num">${money(b.reversed, b.currency)}</td>
              <td class="num">${money(b.reinstated, b.currency)}</td>
              <td class="num">${money(b.balance, b.currency)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h2>Ledger</h2>
    <p>
      Entries ${page.entries.length === 0 ? 0 : cursor + 1}–${next} of ${page.totalEntries}, oldest
      first.
    </p>
    <table>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Type</th>
          <th scope="col">Reason</th>
          <th scope="col">Order</th>
          <th scope="col" class="num">Amount</th>
          <th scope="col" class="num">Balance after</th>
        </tr>
      </thead>
      <tbody>
        ${page.entries.map(
          (e) =>
            html`<tr>
              <td>${when(e.occurredAt)}</td>
              <td>${e.type}</td>
              <td>${e.reason}</td>
              <td>
                <a href="/console/orders?key=${encodeURIComponent(e.orderKey)}">${e.orderKey}</a>
              </td>
              <td class="num">${money(e.amount, e.currency)}</td>
              <td class="num">${money(e.balanceAfter, e.currency)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <nav aria-label="Ledger pages">
      ${cursor > 0 ? html`<a href="${link(Math.max(0, cursor - PAGE_SIZE))}">Previous</a> ` : ''}${next < page.totalEntries ? html`<a href="${link(next)}">Next</a>` : ''}
    </nav>`;
}

/**
 * `GET /console/affiliates?merchant=&affiliate=&cursor=`: balances per currency and the ledger,
 * paged, read from commission-reversals' ledger API at `COMMISSIONS_URL` (ADR 0018: the ledger
 * is that service's, so the console shows it rather than summing adjustments a second time).
 */
export function registerAffiliatePage(scope: FastifyInstance, ctx: ConsoleContext): void {
  scope.get(
    '/affiliates',
    viewPage(ctx, async (request, reply, session) => {
      const merchant = param(request, 'merchant').trim();
      const affiliate = param(request, 'affiliate').trim();
      const cursor = /^\d{1,9}$/.test(param(request, 'cursor'))
        ? Number(param(request, 'cursor'))
        : 0;
      const frame = { title: affiliate === '' ? 'Affiliates' : `Affiliate ${affiliate}`, session };
      const top = html`<h1>Affiliates</h1>
        ${searchForm(merchant, affiliate)}`;
      if (merchant === '' || affiliate === '') return sendPage(reply, frame, top);
      const base = ctx.options.commissionsUrl;
      if (base === null)
        return sendPage(
          reply,
          {
            ...frame,
            notice: {
              text: 'COMMISSIONS_URL is not configured: the ledger cannot be read.',
              error: true,
            },
          },
          top,
          503,
        );
      const path = `/v1/affiliates/${encodeURIComponent(merchant)}/${encodeURIComponent(affiliate)}`;
      let status: number;
      let body: unknown;
      try {
        const response = await fetch(`${base}${path}?cursor=${cursor}&limit=${PAGE_SIZE}`, {
          signal: AbortSignal.timeout(5000),
        });
        status = response.status;
        body = await response.json();
      } catch {
        return sendPage(
          reply,
          { ...frame, notice: { text: 'The ledger API cannot be reached.', error: true } },
          top,
          502,
        );
      }
      if (status !== 200) {
        const message =
          (body as { error?: { message?: string } }).error?.message ??
          `the ledger answered ${status}`;
        return sendPage(
          reply,
          { ...frame, notice: { text: message, error: true } },
          top,
          status === 404 ? 404 : 502,
        );
      }
      const link = (c: number) =>
        `/console/affiliates?${new URLSearchParams({ merchant, affiliate, cursor: String(c) }).toString()}`;
      return sendPage(
        reply,
        frame,
        html`${top}
          <h2 class="muted">${merchant} / ${affiliate}</h2>
          ${ledgerView(body as LedgerPage, link, cursor)}`,
      );
    }),
  );
}
