import { html, type SafeHtml } from './html';
import type { ConsoleSession } from './session';

/** What every page shows besides its content. */
export interface PageFrame {
  readonly title: string;
  readonly session: ConsoleSession | null;
  /** A one-line message above the content (e.g. what a resolve just did). */
  readonly notice?: { readonly text: string; readonly error?: boolean };
}

const PAGES = [
  ['/console/orders', 'Order'],
  ['/console/cases', 'Cases'],
  ['/console/dead-letters', 'Dead letters'],
  ['/console/affiliates', 'Affiliates'],
  ['/console/health', 'Health'],
] as const;

/** A whole console document: header with navigation and who is logged in, then `content`. */
export function layout(frame: PageFrame, content: SafeHtml): string {
  const { session, notice } = frame;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>${frame.title} · Clawback console</title>
        <link rel="stylesheet" href="/console/console.css" />
      </head>
      <body>
        <header>
          <strong>Clawback</strong>${
            session === null
              ? ''
              : html`<nav aria-label="Console pages">
                    ${PAGES.map(([href, name]) => html`<a href="${href}">${name}</a>`)}
                  </nav>
                  <span class="who">${session.operatorId} (${session.role})</span>
                  <form class="inline" method="post" action="/console/logout">
                    <input type="hidden" name="csrf" value="${session.csrf}" /><button>
                      Log out
                    </button>
                  </form>`
          }
        </header>
        <main>
          ${notice === undefined ? '' : html`<p class="notice${notice.error === true ? ' error' : ''}" role="status">${notice.text}</p>`}
          ${content}
        </main>
      </body>
    </html>`.value;
}

/** The hidden CSRF field every state-changing form carries. */
export const csrfField = (session: ConsoleSession): SafeHtml =>
  html`<input type="hidden" name="csrf" value="${session.csrf}" />`;
