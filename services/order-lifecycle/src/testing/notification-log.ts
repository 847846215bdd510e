import { twoCheckoutIpn, type TwoCheckoutIpnInput } from '@clawback/providers/testing';
import type { RawNotificationRecord } from '../records/raw-notification';
import { seededRandom } from '@clawback/test-harness';

/** One record of a generated `payments.notifications.raw` log. */
export interface LogRecord {
  readonly key: string;
  readonly value: RawNotificationRecord;
}

/** Options for {@link notificationLog}. */
export interface NotificationLogOptions {
  readonly orders: number;
  readonly seed: number;
  readonly merchantId?: string;
  /** Provider time of the first notification (epoch ms); each next one is `stepMs` later. */
  readonly startMs?: number;
  readonly stepMs?: number;
}

type Step = Omit<TwoCheckoutIpnInput, 'refno' | 'ipnDate'>;

const line = { pid: 'P-1', name: 'Course', price: '20.00', vat: '0.00' } as const;
const sale: Step = { status: 'COMPLETE', lines: [{ ...line, qty: 3 }] };
const refundOf = (qty: number, refundType = 'PARTIAL'): Step => ({
  status: 'REFUND',
  refundType,
  lines: [{ ...line, qty }],
});
const chargeback = (resolution: string): Step => ({ ...sale, chargebackResolution: resolution });

/** Per-order stories: valid lifecycles, over-refunds, out-of-order, orphans, disputes. */
const stories: readonly (readonly Step[])[] = [
  [sale],
  [sale, refundOf(1), refundOf(2)],
  [sale, refundOf(1), refundOf(3)],
  [sale, refundOf(3, 'FULL'), refundOf(1)],
  [refundOf(1), sale, refundOf(1)],
  [refundOf(1)],
  [sale, chargeback('OPEN'), chargeback('WON'), refundOf(1)],
  [sale, chargeback('OPEN'), chargeback('LOST')],
  [{ status: 'PENDING', lines: sale.lines }, sale, refundOf(2)],
];

/**
 * A reproducible log of signed 2Checkout notifications over many orders: every story above,
 * interleaved across orders (each order's own notifications stay in story order), with
 * provider retries (exact duplicates) and a few records that cannot be used (dead letters).
 */
export function notificationLog(options: NotificationLogOptions): readonly LogRecord[] {
  const random = seededRandom(options.seed);
  const merchantId = options.merchantId ?? 'm-1';
  const stepMs = options.stepMs ?? 60_000;
  let at = options.startMs ?? Date.parse('2026-01-01T00:00:00Z');
  const pending = Array.from({ length: options.orders }, (_, index) => ({
    refno: String(100000 + index),
    steps: [...stories[Math.floor(random() * stories.length)]!],
  }));
  const records: LogRecord[] = [];
  const retries: { readonly after: number; readonly record: LogRecord }[] = [];
  let ingress = 0;
  const make = (value: Omit<RawNotificationRecord, 'ingressId' | 'receivedAt'>): LogRecord => ({
    key: value.orderKey,
    value: { ...value, ingressId: `ing-${ingress++}`, receivedAt: at },
  });
  while (pending.length > 0) {
    const index = Math.floor(random() * pending.length);
    const order = pending[index]!;
    const step = order.steps.shift()!;
    if (order.steps.length === 0) pending.splice(index, 1);
    at += stepMs;
    const orderKey = `2checkout:${merchantId}:${order.refno}`;
    const { body, contentType } = twoCheckoutIpn(
      { ...step, refno: order.refno, ipnDate: ipnDate(at) },
      { secretKey: 'fixture-secret' },
    );
    const value = { provider: '2checkout', merchantId, orderKey, contentType, body };
    records.push(make(value));
    const roll = random();
    // Providers retry the same message for up to two days: an exact duplicate, later.
    if (roll < 0.08)
      retries.push({ after: records.length + Math.floor(random() * 50), record: make(value) });
    else if (roll < 0.1) records.push(make({ ...value, body: Buffer.from('REFNO=&garbage') }));
    else if (roll < 0.11) records.push(make({ ...value, provider: 'paypal' }));
  }
  for (const retry of retries.reverse()) {
    records.splice(Math.min(retry.after, records.length), 0, retry.record);
  }
  return records;
}

/** `YmdHis` in UTC, as 2Checkout's IPN_DATE. */
function ipnDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
