import type { NotificationTimelineEntry } from '../../timeline/timeline-entry';
import { money, when } from '../format';
import { html, type SafeHtml } from '../html';

/**
 * The line an operator reads under each raw notification: its kind, amount (with its currency,
 * in the currency's minor digits), signature scheme and when the ingress received it. Unknown
 * values show as `—` rather than being left out, so every notification has the same four.
 */
export function notificationFacts(entry: NotificationTimelineEntry): SafeHtml {
  const kind = entry.operatorCommand === null ? entry.notificationKind : 'operator command';
  const amount = entry.amount === null ? '—' : money(entry.amount, entry.currency);
  return html`<span class="facts"
    >kind <span data-fact="kind">${kind ?? '—'}</span>, amount
    <span data-fact="amount">${amount}</span>, signature
    <span data-fact="signature-scheme">${entry.signatureScheme ?? '—'}</span>, received
    <time data-fact="received-at" datetime="${entry.receivedAt}"
      >${when(entry.receivedAt)}</time
    ></span
  >`;
}
