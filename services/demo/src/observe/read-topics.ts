import type { KafkaClient } from '@clawback/kafka';
import {
  type LifecycleEvent,
  type OrderLifecycleEvent,
  fromAvroEvent,
} from '@clawback/order-machine';
import type { AvroRegistry } from '@clawback/schema-registry';
import {
  type AvroCancellationEvent,
  type CancellationEvent,
  fromAvroCancellation,
} from '@clawback/subscription-cancellations';
import { type ReadRecord, readAll } from '@clawback/test-harness';

/** A topic read to its current end (read_committed): decoded values with their keys. */
export interface TopicSnapshot<T> {
  readonly values: readonly T[];
  /** The record key of each value. */
  readonly keys: readonly string[];
  /** Every record read, for the offsets. */
  readonly records: readonly ReadRecord[];
}

async function snapshot<T>(
  kafka: KafkaClient,
  registry: AvroRegistry,
  topic: string,
  decode: (value: unknown) => T | undefined,
): Promise<TopicSnapshot<T>> {
  const records = await readAll(kafka, topic, { timeoutMs: 60_000 });
  const values: T[] = [];
  const keys: string[] = [];
  for (const record of records) {
    if (record.value === null) continue;
    const value = decode(await registry.decode(record.value));
    if (value === undefined) continue;
    values.push(value);
    keys.push(record.key?.toString('utf8') ?? '');
  }
  return { values, keys, records };
}

/** Every committed lifecycle event, in partition order (one order's events in sequence). */
export function readLifecycleEvents(kafka: KafkaClient, registry: AvroRegistry, topic: string) {
  return snapshot<LifecycleEvent>(kafka, registry, topic, (value) =>
    fromAvroEvent(value as OrderLifecycleEvent),
  );
}

/** Every committed cancellation event; types added later are skipped. */
export function readCancellationEvents(kafka: KafkaClient, registry: AvroRegistry, topic: string) {
  return snapshot<CancellationEvent>(kafka, registry, topic, (value) =>
    fromAvroCancellation(value as AvroCancellationEvent),
  );
}

/** Every committed commission adjustment's key (`{merchantId}:{affiliateId}`). */
export function readAdjustmentKeys(kafka: KafkaClient, registry: AvroRegistry, topic: string) {
  return snapshot<unknown>(kafka, registry, topic, (value) => value);
}
