import type { CanonicalNotification, NotificationKind, RefundScope } from '@clawback/notifications';
import fc from 'fast-check';
import { ORDER } from './notifications';
import type { Step } from './scenario';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

/** Provider time within a month of T0, at whole seconds like most providers send. */
const providerTime = fc
  .integer({ min: 0, max: 30 * 24 * 3600 })
  .map((s) => new Date(T0 + s * 1000).toISOString().replace('.000Z', 'Z'));

function build(
  id: string,
  kind: NotificationKind,
  amount: number,
  occurredAt: string,
  refundScope?: RefundScope,
): CanonicalNotification {
  return {
    notificationId: id,
    provider: ORDER.provider,
    merchantId: ORDER.merchantId,
    orderRef: ORDER.orderRef,
    orderKey: `${ORDER.provider}:${ORDER.merchantId}:${ORDER.orderRef}`,
    kind,
    ...(refundScope === undefined ? {} : { refundScope }),
    occurredAt,
    currency: 'EUR',
    amount,
    lines: [],
    subscriptionRefs: kind === 'payment_completed' ? ['SUB-1'] : [],
    providerStatus: kind,
    test: false,
  };
}

/** The sale every generated order has: `{ paid, notification }`. */
const arbitrarySale = fc
  .tuple(fc.integer({ min: 1, max: 1_000_000 }), providerTime)
  .map(([amount, at]) => build('sale', 'payment_completed', amount, at));

const otherKinds: readonly NotificationKind[] = [
  'payment_pending',
  'chargeback_opened',
  'chargeback_won',
  'chargeback_lost',
  'payment_denied',
  'subscription_ended',
  'unsupported',
];

/** Any notification about the sale's order: refunds (often above what remains) and the rest. */
function arbitraryOther(paid: number): fc.Arbitrary<CanonicalNotification> {
  const refund = fc
    .tuple(
      fc.integer({ min: 0, max: paid + 10 }),
      fc.constantFrom<RefundScope>('unspecified', 'partial', 'total'),
      providerTime,
    )
    .map(([amount, scope, at]) => ({ kind: 'refund' as const, amount, scope, at }));
  const other = fc
    .tuple(fc.constantFrom(...otherKinds), fc.integer({ min: 0, max: paid }), providerTime)
    .map(([kind, amount, at]) => ({ kind, amount, scope: undefined, at }));
  return fc
    .tuple(fc.oneof({ arbitrary: refund, weight: 3 }, { arbitrary: other, weight: 2 }), fc.nat())
    .map(([n, salt]) => build(`${n.kind}-${salt}`, n.kind, n.amount, n.at, n.scope));
}

/** A watermark tick between T0 and a few weeks later (horizons in tests are days). */
const arbitraryTick: fc.Arbitrary<Step> = fc
  .integer({ min: 0, max: 40 * DAY })
  .map((ms) => ({ watermark: new Date(T0 + ms).toISOString() }));

/**
 * A messy delivery of one order: its sale and other notifications, shuffled, some delivered
 * twice, watermark ticks in between.
 */
export const arbitraryDelivery: fc.Arbitrary<readonly Step[]> = arbitrarySale
  .chain((sale) =>
    fc.tuple(
      fc.constant(sale),
      fc.uniqueArray(arbitraryOther(sale.amount), {
        maxLength: 12,
        selector: (n) => n.notificationId,
      }),
    ),
  )
  .chain(([sale, others]) => {
    const pool: Step[] = [sale, ...others];
    const picks = fc.array(fc.constantFrom(...pool), { maxLength: 6 });
    const ticks = fc.array(arbitraryTick, { maxLength: 3 });
    return fc.tuple(picks, ticks).chain(([dupes, tickSteps]) =>
      fc.shuffledSubarray([...pool, ...dupes, ...tickSteps], {
        minLength: pool.length + dupes.length + tickSteps.length,
      }),
    );
  });

/** A valid order: a sale, maybe a pending notice, partial refunds that never exceed the sale. */
export const arbitraryValidDelivery: fc.Arbitrary<readonly CanonicalNotification[]> = arbitrarySale
  .chain((sale) =>
    fc.tuple(
      fc.constant(sale),
      fc.array(fc.integer({ min: 1, max: Math.max(1, Math.floor(sale.amount / 4)) }), {
        maxLength: 4,
      }),
      fc.boolean(),
      providerTime,
    ),
  )
  .map(([sale, amounts, withPending, at]) => [
    sale,
    ...(withPending ? [build('pending', 'payment_pending', sale.amount, at)] : []),
    ...amounts.map((amount, i) => build(`refund-${i}`, 'refund', amount, at, 'unspecified')),
    build('sub-end', 'subscription_ended', 0, at),
  ]);
