// The exactly-once tally of the lifecycle events of a cluster suite's run, against the answers
// its load got.
import { AvroRegistry } from '@clawback/schema-registry';
import { decodeLifecycleEvents, waitForGroupToCatchUp } from '../../support/topic-readers';
import type { ClusterPipeline } from './cluster-pipeline';
import type { Answer } from './paced-load';

/**
 * The exactly-once tally of a run: one `OrderPaid` per sale answered 200 and one
 * `RefundApplied` per refund answered 200, nothing else.
 */
export interface LifecycleTally {
  readonly counts: Readonly<Record<string, number>>;
  /** Events of another type than `OrderPaid` or `RefundApplied` (`type refno`). */
  readonly unexpected: readonly string[];
  readonly duplicates: number;
  /** Answers 200 (`refno type`) without exactly one event. */
  readonly missing: readonly string[];
  /**
   * For each refno of `missing`, where its raw notifications sit (`partition@offset`), or that
   * none is on the raw topic: tells a loss at the ingress from one in the lifecycle.
   */
  readonly missingRaw: readonly string[];
  /** Orders with more than one event of a type (`refno type`, count). */
  readonly overCounted: readonly (readonly [string, number])[];
  /** Orders with events that the load never sent. */
  readonly neverSent: readonly string[];
  /** Each event id read more than once, with the partition@offset of every copy. */
  readonly duplicatePlaces: readonly string[];
  /** The refnos with an `OrderPaid`, and those with a `RefundApplied`: what downstream owes. */
  readonly paid: ReadonlySet<string>;
  readonly refunded: ReadonlySet<string>;
}

const typeOf = { sale: 'OrderPaid', refund: 'RefundApplied' } as const;

/**
 * Waits until the lifecycle group has committed past the raw topic, reads the events
 * (read_committed) and counts them against the answers.
 */
export async function tallyLifecycle(
  pipeline: ClusterPipeline,
  answers: readonly Answer[],
): Promise<LifecycleTally> {
  const { context, env } = pipeline;
  await waitForGroupToCatchUp(
    context,
    env.LIFECYCLE_GROUP_ID ?? '',
    context.topics.notificationsRaw,
    300_000,
  );
  const ok = new Set(
    answers.filter((a) => a.status === 200).map((a) => `${a.refno} ${typeOf[a.kind]}`),
  );
  const records = await context.readAll(context.topics.lifecycleEvents, { timeoutMs: 60_000 });
  const events = await decodeLifecycleEvents(
    new AvroRegistry(context.config.schemaRegistry),
    records,
  );
  const perOrder = new Map<string, number>();
  const placesOf = new Map<string, string[]>();
  const paid = new Set<string>();
  const refunded = new Set<string>();
  events.forEach((event, index) => {
    const refno = event.orderKey.split(':')[2] ?? '';
    const key = `${refno} ${event.type}`;
    perOrder.set(key, (perOrder.get(key) ?? 0) + 1);
    if (event.type === 'OrderPaid') paid.add(refno);
    if (event.type === 'RefundApplied') refunded.add(refno);
    const record = records[index]!;
    const places = placesOf.get(event.eventId) ?? [];
    places.push(`${record.partition}@${record.offset}`);
    placesOf.set(event.eventId, places);
  });
  const ids = events.map((e) => e.eventId);
  const duplicates = ids.length - new Set(ids).size;
  const missing = [...ok].filter((key) => perOrder.get(key) !== 1);
  const sentRefnos = new Set(answers.map((a) => a.refno));
  const missingRaw = missing.length === 0 ? [] : await rawPlacesOf(pipeline, missing);
  const count = (kind: Answer['kind'], status?: number) =>
    answers.filter((a) => a.kind === kind && (status === undefined || a.status === status)).length;
  return {
    counts: {
      sent: answers.length,
      salesAnswered200: count('sale', 200),
      refundsAnswered200: count('refund', 200),
      answered503: answers.filter((a) => a.status === 503).length,
      otherOrError: answers.filter((a) => a.status !== 200 && a.status !== 503).length,
      eventsExpectedAtLeast: ok.size,
      eventsSeen: events.length,
      orderPaid: paid.size,
      refundApplied: refunded.size,
      duplicates,
      missing: missing.length,
    },
    unexpected: events
      .filter((e) => e.type !== 'OrderPaid' && e.type !== 'RefundApplied')
      .map((e) => `${e.type} ${e.orderKey}`),
    duplicates,
    missing,
    missingRaw,
    overCounted: [...perOrder].filter(([, n]) => n > 1),
    // Where each event id read more than once sits (partition@offset): two places are two
    // records in the log, one place twice would be the reader's own redelivery.
    duplicatePlaces: [...placesOf]
      .filter(([, places]) => places.length > 1)
      .map(([eventId, places]) => `${eventId} at ${places.join(', ')}`),
    // A 503 may still have been stored (the idempotent producer finished after the answer);
    // nothing else may appear.
    neverSent: [...perOrder.keys()]
      .map((key) => key.split(' ')[0] ?? '')
      .filter((refno) => !sentRefnos.has(refno)),
    paid,
    refunded,
  };
}

/** Where the raw notifications of the refnos of `missing` (`refno type`) sit. */
async function rawPlacesOf(
  pipeline: ClusterPipeline,
  missing: readonly string[],
): Promise<string[]> {
  const { context } = pipeline;
  const raw = await context.readAll(context.topics.notificationsRaw, { timeoutMs: 60_000 });
  return missing.map((entry) => {
    const refno = entry.split(' ')[0] ?? '';
    const places = raw
      .filter((r) => r.key?.includes(refno) || r.value?.includes(`REFNO=${refno}`))
      .map((r) => `${r.partition}@${r.offset}`);
    return `${entry}: ${places.length > 0 ? `raw at ${places.join(', ')}` : 'not on the raw topic'}`;
  });
}
