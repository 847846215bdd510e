import type { TimelineEntry } from '../../timeline/timeline-entry';
import { money } from '../format';
import { html, type SafeHtml } from '../html';

/** One step of the chart: totals in minor units after an event. */
interface TotalsPoint {
  readonly atMs: number;
  readonly paid: number;
  readonly refunded: number;
}

/**
 * Paid and refunded totals over provider time (`occurredAt`, the chart's axis): each money
 * event adds its amount (paid: `OrderPaid`; refunded: `RefundApplied`, `ChargebackLost`), in
 * provider-time order (log order among equal times), so a late sale still draws as a step up
 * at the time the provider gave it.
 */
export function totalsOf(entries: readonly TimelineEntry[]): {
  readonly currency: string | null;
  readonly points: TotalsPoint[];
} {
  let currency: string | null = null;
  const deltas: { atMs: number; paid: number; refunded: number }[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'event' || entry.amount === null) continue;
    const atMs = Date.parse(entry.occurredAt);
    if (entry.type === 'OrderPaid') deltas.push({ atMs, paid: entry.amount, refunded: 0 });
    else if (entry.type === 'RefundApplied' || entry.type === 'ChargebackLost')
      deltas.push({ atMs, paid: 0, refunded: entry.amount });
    else continue;
    currency ??= entry.currency;
  }
  // Array.prototype.sort is stable: equal provider times keep their log order.
  deltas.sort((a, b) => a.atMs - b.atMs);
  let paid = 0;
  let refunded = 0;
  const points = deltas.map((d) => {
    paid += d.paid;
    refunded += d.refunded;
    return { atMs: d.atMs, paid, refunded };
  });
  return { currency, points };
}

const W = 320;
const H = 110;
const PAD = 14;

function stepPath(
  points: readonly TotalsPoint[],
  value: (p: TotalsPoint) => number,
  x: (ms: number) => number,
  y: (v: number) => number,
): string {
  let d = '';
  points.forEach((p, i) => {
    const px = x(p.atMs).toFixed(1);
    const py = y(value(p)).toFixed(1);
    d += i === 0 ? `M${px},${y(0).toFixed(1)} L${px},${py}` : ` H${px} V${py}`;
  });
  return `${d} H${W - PAD}`;
}

/** A small inline SVG of paid vs refunded over time (no script, no library). */
export function paidRefundedChart(entries: readonly TimelineEntry[]): SafeHtml {
  const { currency, points } = totalsOf(entries);
  if (points.length === 0) return html`<p class="muted">No payments or refunds yet.</p>`;
  const last = points[points.length - 1]!;
  const label = `Paid ${money(last.paid, currency)}, refunded ${money(last.refunded, currency)}`;
  const first = points[0]!.atMs;
  const span = Math.max(1, last.atMs - first);
  const top = Math.max(1, ...points.map((p) => Math.max(p.paid, p.refunded)));
  const x = (ms: number) => PAD + ((ms - first) / span) * (W - 3 * PAD);
  const y = (v: number) => H - PAD - (v / top) * (H - 2 * PAD);
  return html`<figure>
    <svg role="img" aria-label="${label}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
      <title>${label}</title>
      <path
        d="${stepPath(points, (p) => p.paid, x, y)}"
        fill="none"
        stroke="#2a7"
        stroke-width="2"
      />
      <path
        d="${stepPath(points, (p) => p.refunded, x, y)}"
        fill="none"
        stroke="#c43"
        stroke-width="2"
        stroke-dasharray="4 2"
      />
      <text x="${PAD}" y="10">paid (solid) · refunded (dashed)</text>
    </svg>
    <figcaption>${label}</figcaption>
  </figure>`;
}
