// The exactly-once tally of the services downstream of the lifecycle: one commission earned per
// paid order and one reversed per refunded order on affiliates.commission.adjustments, one
// requested and one confirmed cancellation per refunded subscription on
// subscriptions.cancellations, and one booking per subscription at the webhook stand-in.
import { type AvroCommissionAdjustment, fromAvroAdjustment } from '@clawback/commission-reversals';
import { AvroRegistry } from '@clawback/schema-registry';
import {
  type AvroCancellationEvent,
  fromAvroCancellation,
} from '@clawback/subscription-cancellations';
import type { WebhookReceiver } from '@clawback/subscription-cancellations/src/testing';
import type { ReadRecord } from '@clawback/test-harness';
import { decodeValues, waitForGroupToCatchUp } from '../../support/topic-readers';
import type { ClusterPipeline } from './cluster-pipeline';
import type { LifecycleTally } from './lifecycle-tally';

/** What downstream wrote and booked, against what the lifecycle events owe. */
export interface DownstreamTally {
  readonly counts: Readonly<Record<string, number>>;
  /** `refno type ×n` for each order whose adjustments are not exactly what it owes. */
  readonly commissionMismatches: readonly string[];
  /** `ref type ×n` for each subscription whose cancellation events are not exactly owed. */
  readonly cancellationMismatches: readonly string[];
  /** `ref ×n` for each subscription not booked exactly once at the stand-in. */
  readonly bookingMismatches: readonly string[];
  /** Signatures the stand-in refused (none expected). */
  readonly refused: readonly string[];
  /** Each id read more than once on either topic, with the partition@offset of every copy. */
  readonly duplicatePlaces: readonly string[];
}

/** `key ×n` for every key whose count in `seen` differs from its count in `owed`. */
function mismatches(seen: readonly string[], owed: readonly string[]): string[] {
  const count = (keys: readonly string[]) => {
    const map = new Map<string, number>();
    for (const key of keys) map.set(key, (map.get(key) ?? 0) + 1);
    return map;
  };
  const [got, want] = [count(seen), count(owed)];
  return [...new Set([...got.keys(), ...want.keys()])]
    .filter((key) => got.get(key) !== want.get(key))
    .map((key) => `${key} ×${got.get(key) ?? 0} (owed ${want.get(key) ?? 0})`);
}

/** Ids on more than one record, with where each copy sits. */
function duplicated(ids: readonly string[], records: readonly ReadRecord[]): string[] {
  const places = new Map<string, string[]>();
  ids.forEach((id, index) => {
    const record = records[index]!;
    places.set(id, [...(places.get(id) ?? []), `${record.partition}@${record.offset}`]);
  });
  return [...places]
    .filter(([, at]) => at.length > 1)
    .map(([id, at]) => `${id} at ${at.join(', ')}`);
}

/**
 * Waits until both downstream groups have committed past the lifecycle topic, reads their
 * output topics (read committed) and counts them against `lifecycle`'s paid and refunded orders.
 */
export async function tallyDownstream(
  pipeline: ClusterPipeline,
  lifecycle: LifecycleTally,
  receiver: WebhookReceiver,
): Promise<DownstreamTally> {
  const { context, env } = pipeline;
  const { topics } = context;
  for (const group of [env.COMMISSIONS_GROUP_ID, env.CANCELLATIONS_GROUP_ID])
    await waitForGroupToCatchUp(context, group ?? '', topics.lifecycleEvents, 300_000);
  const registry = new AvroRegistry(context.config.schemaRegistry);
  const adjustmentRecords = await context.readAll(topics.commissionAdjustments, {
    timeoutMs: 60_000,
  });
  const adjustments = (
    await decodeValues<AvroCommissionAdjustment>(registry, adjustmentRecords)
  ).map((value) => fromAvroAdjustment(value)!);
  const cancellationRecords = await context.readAll(topics.cancellations, { timeoutMs: 60_000 });
  const cancellations = (
    await decodeValues<AvroCancellationEvent>(registry, cancellationRecords)
  ).map((value) => fromAvroCancellation(value)!);
  const paid = [...lifecycle.paid];
  const refunded = [...lifecycle.refunded];
  const bookings = [...receiver.bookings];
  return {
    counts: {
      earned: adjustments.filter((a) => a.type === 'CommissionEarned').length,
      reversed: adjustments.filter((a) => a.type === 'CommissionReversed').length,
      adjustmentsOwed: paid.length + refunded.length,
      cancellationEvents: cancellations.length,
      cancelled: cancellations.filter((c) => c.type === 'SubscriptionCancelled').length,
      cancellationsOwed: refunded.length,
      deliveries: receiver.verified.length,
      booked: bookings.reduce((sum, [, keys]) => sum + keys.size, 0),
    },
    // 49.00 at the suite's 35 %: 1715 earned, all of it reversed by the full refund.
    commissionMismatches: mismatches(
      adjustments.map((a) => `${a.orderRef} ${a.type} ${a.amount}`),
      [
        ...paid.map((refno) => `${refno} CommissionEarned 1715`),
        ...refunded.map((refno) => `${refno} CommissionReversed -1715`),
      ],
    ),
    cancellationMismatches: mismatches(
      cancellations.map((c) => `${c.subscriptionRef} ${c.type}`),
      refunded.flatMap((refno) => [
        `SUB-${refno} SubscriptionCancellationRequested`,
        `SUB-${refno} SubscriptionCancelled`,
      ]),
    ),
    // A redelivery after a restart carries the same idempotency key: booked once.
    bookingMismatches: mismatches(
      bookings.flatMap(([ref, keys]) => [...keys].map(() => ref)),
      refunded.map((refno) => `SUB-${refno}`),
    ),
    refused: receiver.refused,
    duplicatePlaces: [
      ...duplicated(
        adjustments.map((a) => a.adjustmentId),
        adjustmentRecords,
      ),
      ...duplicated(
        cancellations.map((c) => c.eventId),
        cancellationRecords,
      ),
    ],
  };
}
