import type { Admin, KafkaClient, TopicNames } from '@clawback/kafka';
import type { LifecycleEvent } from '@clawback/order-machine';
import type { AvroRegistry } from '@clawback/schema-registry';
import type { CancellationEvent } from '@clawback/subscription-cancellations';
import { readAll } from '@clawback/test-harness';
import { DemoError } from '../demo-error';
import type { Progress } from '../progress';
import type { RunGroups } from '../run/run-names';
import { groupHasConsumed, lastOffsetsOf } from './consumer-groups';
import {
  type AffiliateLedger,
  type ReceivedCancellations,
  fetchAffiliateLedger,
  fetchReceivedCancellations,
} from './http-readers';
import { pollUntil } from './poll-until';
import { readAdjustmentKeys, readCancellationEvents, readLifecycleEvents } from './read-topics';

/** Where the demo looks, and what to blame when something does not happen. */
export interface OutcomeSources {
  readonly kafka: KafkaClient;
  readonly admin: Admin;
  readonly registry: AvroRegistry;
  readonly topics: TopicNames;
  readonly groups: RunGroups;
  readonly readApiUrl: string;
  readonly receiverUrl: string;
  /** Throws when a service has died. */
  readonly checkAlive: () => void;
  /** The log file of a service, by name, for timeout messages. */
  readonly logOf: (service: string) => string | undefined;
}

/** Everything the tables show, read once everything has settled. */
export interface Outcomes {
  readonly events: readonly LifecycleEvent[];
  readonly ledgers: readonly AffiliateLedger[];
  readonly cancellations: readonly CancellationEvent[];
  readonly received: ReceivedCancellations;
}

const TIMEOUT_MS = 120_000;

/**
 * Waits, stage by stage, until the story has gone all the way through: the lifecycle has
 * decided every stored notification; commission-reversals and subscription-cancellations have
 * acted on every lifecycle event (their outputs are committed with their offsets); the ledger
 * has booked every adjustment (the read API counts them); the receiver has every cancellation
 * the topic says was confirmed. Each wait is on a condition, with a timeout naming the service.
 * `posted` is how many notifications the story posted (retries answered from the ingress's
 * dedupe are not stored).
 */
export async function waitForOutcomes(
  sources: OutcomeSources,
  posted: number,
  progress: Progress,
): Promise<Outcomes> {
  const { kafka, admin, registry, topics, groups } = sources;
  const until = async <T>(
    service: string,
    description: string,
    check: () => Promise<T | undefined | false>,
  ) => {
    try {
      return await pollUntil(check, {
        description,
        timeoutMs: TIMEOUT_MS,
        abortIf: sources.checkAlive,
      });
    } catch (error) {
      if (!(error instanceof DemoError) || error.logFile !== undefined) throw error;
      throw new DemoError(error.code, error.message, {
        logFile: sources.logOf(service),
        cause: error,
      });
    }
  };

  const raw = await readAll(kafka, topics.notificationsRaw, { timeoutMs: 60_000 });
  await until('order-lifecycle', `order-lifecycle to decide ${raw.length} notifications`, () =>
    groupHasConsumed(admin, groups.lifecycle, topics.notificationsRaw, lastOffsetsOf(raw)),
  );
  const events = await readLifecycleEvents(kafka, registry, topics.lifecycleEvents);
  // The ingress answers a provider's retry of a stored notification without storing it again.
  const retries = posted - raw.length;
  progress(
    `order-lifecycle decided all ${raw.length} stored notifications ` +
      `(${posted} posted, ${retries} a retry of a stored one): ${events.values.length} lifecycle events`,
  );

  const lastEvents = lastOffsetsOf(events.records);
  for (const [service, group] of [
    ['commission-reversals', groups.commissions],
    ['subscription-cancellations', groups.cancellations],
  ] as const) {
    await until(service, `${service} to act on ${events.values.length} lifecycle events`, () =>
      groupHasConsumed(admin, group, topics.lifecycleEvents, lastEvents),
    );
    progress(`${service} acted on all ${events.values.length} lifecycle events`);
  }

  const adjustments = await readAdjustmentKeys(kafka, registry, topics.commissionAdjustments);
  const perAffiliate = new Map<string, number>();
  for (const key of adjustments.keys) perAffiliate.set(key, (perAffiliate.get(key) ?? 0) + 1);
  const ledgers = await until(
    'commission-reversals',
    `the ledger to book ${adjustments.keys.length} adjustments`,
    async () => {
      const read: AffiliateLedger[] = [];
      for (const [key, count] of [...perAffiliate].sort(([a], [b]) => a.localeCompare(b))) {
        const [merchantId = '', affiliateId = ''] = key.split(':');
        const ledger = await fetchAffiliateLedger(sources.readApiUrl, merchantId, affiliateId);
        if (ledger === undefined || ledger.totalEntries < count) return undefined;
        read.push(ledger);
      }
      return read;
    },
  );
  progress(
    `the ledger booked ${adjustments.keys.length} commission adjustments for ${ledgers.length} affiliates`,
  );

  const cancellations = await readCancellationEvents(kafka, registry, topics.cancellations);
  const confirmed = cancellations.values.filter((event) => event.type === 'SubscriptionCancelled');
  const received = await until(
    'webhook-receiver',
    `the receiver to have ${confirmed.length} cancellations`,
    async () => {
      const report = await fetchReceivedCancellations(sources.receiverUrl);
      const keys = new Set(report.cancellations.map((body) => body.idempotencyKey));
      return confirmed.every((event) => keys.has(event.idempotencyKey)) && report;
    },
  );
  progress(
    `the webhook receiver verified and booked ${received.cancellations.length} cancellations`,
  );
  return { events: events.values, ledgers, cancellations: cancellations.values, received };
}
