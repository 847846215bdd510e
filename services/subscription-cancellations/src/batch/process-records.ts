import type { KafkaMessage } from '@clawback/kafka';
import type { CancellationAdapter } from '../adapters/cancellation-adapter';
import type { CancellationError } from '../cancellation-error';
import type { CompletedCancellations } from '../completed/completed-cancellations';
import { deliverCancellation } from '../delivery/deliver-cancellation';
import type { DeliveryOutcome } from '../delivery/delivery-outcome';
import { subscriptionKey } from '../events/identity';
import type { CancellationRequest } from '../policy/cancellation-request';
import { type CancellationPlan, planCancellations } from '../policy/plan-cancellations';
import type { MerchantCancellationSettings } from '../settings/merchant-settings';
import type { RetrySettings } from '../settings/service-settings';
import type { BatchEntry, Delivered } from './build-outputs';
import type { CancellationCodecs } from './codecs';
import { readInput } from './input-item';
import { runPooled } from './run-pooled';

/** Hooks for metrics and logs; processing does not depend on them. */
export interface ProcessObserver {
  planned?(plan: CancellationPlan, merchantId: string): void;
  retrying?(
    request: CancellationRequest,
    error: CancellationError,
    attempt: number,
    waitMs: number,
  ): void;
  delivered?(request: CancellationRequest, outcome: DeliveryOutcome): void;
}

/** What {@link processRecords} needs. */
export interface ProcessDeps {
  readonly codecs: CancellationCodecs;
  readonly merchants: ReadonlyMap<string, MerchantCancellationSettings>;
  /** The merchant's adapter (only asked for merchants whose settings have a target). */
  readonly adapterFor: (merchantId: string) => CancellationAdapter;
  readonly completed: CompletedCancellations;
  readonly retry: RetrySettings;
  /** Requests carried out at once; the requests of one subscription always one after another. */
  readonly callConcurrency: number;
  readonly signal: AbortSignal;
  readonly now: () => number;
  readonly random?: () => number;
  /** Sleeps between attempts; the consumer's version also heartbeats. */
  readonly sleep: (ms: number) => Promise<void>;
  readonly observer?: ProcessObserver;
}

/** What {@link processRecords} did with the first `consumed` of the records it was given. */
export interface ProcessedSlice {
  /** What each record with work produced, in input order. */
  readonly entries: readonly BatchEntry[];
  /** How many records, from the first, the slice holds. */
  readonly consumed: number;
}

/**
 * Reads input records, plans their cancellations and carries them out, and returns what each
 * record produced, in input order. The slice ends with the `workLimit`-th record that has
 * work (a cancellation to carry out or a dead letter); records without work never end it, so
 * a log of mostly sales and kept partial refunds is not cut into small transactions. Each
 * record is read once. Outbound calls happen here, before any Kafka transaction is opened, so
 * a slow receiver never holds a transaction open.
 */
export async function processRecords(
  messages: readonly KafkaMessage[],
  deps: ProcessDeps,
  workLimit = Number.POSITIVE_INFINITY,
): Promise<ProcessedSlice> {
  const entries: BatchEntry[] = [];
  const jobs: Job[] = [];
  let consumed = 0;
  for (const message of messages) {
    if (entries.length >= workLimit) break;
    consumed += 1;
    const item = await readInput(message, deps.codecs);
    if (item.kind === 'undecodable') entries.push(item);
    if (item.kind !== 'event') continue;
    const plan = planCancellations(item.event, deps.merchants.get(item.event.merchantId));
    deps.observer?.planned?.(plan, item.event.merchantId);
    if (plan.kind === 'ignore') continue;
    const delivered: Delivered[] = [];
    entries.push({
      kind: 'delivered',
      offset: item.offset,
      eventId: item.event.eventId,
      delivered,
    });
    plan.requests.forEach((request, index) => jobs.push({ request, slot: delivered, index }));
  }
  // One lane per subscription, in input order: a second cause must see the first one's record.
  const lanes = new Map<string, Job[]>();
  for (const job of jobs) {
    const key = subscriptionKey(job.request);
    lanes.set(key, [...(lanes.get(key) ?? []), job]);
  }
  const tasks = [...lanes.values()].map((lane) => async () => {
    for (const { request, slot, index } of lane) {
      const outcome = await deliver(request, deps);
      deps.observer?.delivered?.(request, outcome);
      slot[index] = { request, outcome };
    }
  });
  await runPooled(tasks, deps.callConcurrency);
  return { entries, consumed };
}

/** A request and where its outcome goes. */
interface Job {
  readonly request: CancellationRequest;
  readonly slot: Delivered[];
  readonly index: number;
}

function deliver(request: CancellationRequest, deps: ProcessDeps): Promise<DeliveryOutcome> {
  return deliverCancellation(request, {
    adapter: deps.adapterFor(request.merchantId),
    completed: deps.completed,
    retry: deps.retry,
    signal: deps.signal,
    now: deps.now,
    ...(deps.random && { random: deps.random }),
    sleep: deps.sleep,
    onRetry: (error, attempt, waitMs) => deps.observer?.retrying?.(request, error, attempt, waitMs),
  });
}
