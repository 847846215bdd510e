import {
  type LifecycleEvent,
  type OrderLifecycleEvent,
  fromAvroEvent,
} from '@clawback/order-machine';
import type { AvroRegistry } from '@clawback/schema-registry';
import { type ReadRecord, type TestContext, waitFor } from '@clawback/test-harness';

/** Decodes Confluent-framed Avro values with the registry. */
export async function decodeValues<T>(
  registry: AvroRegistry,
  records: readonly ReadRecord[],
): Promise<T[]> {
  return Promise.all(
    records.map((record) => {
      if (record.value === null) throw new Error(`${record.topic}@${record.offset} has no value`);
      return registry.decode<T>(record.value);
    }),
  );
}

/** Lifecycle events as the machine derived them, from their Avro records. */
export async function decodeLifecycleEvents(
  registry: AvroRegistry,
  records: readonly ReadRecord[],
): Promise<LifecycleEvent[]> {
  const values = await decodeValues<OrderLifecycleEvent>(registry, records);
  return values.map(fromAvroEvent);
}

/** Records whose key is `key` (one order's, one affiliate's), in offset order. */
export function keyed(records: readonly ReadRecord[], key: string): ReadRecord[] {
  return records.filter((record) => record.key?.toString('utf8') === key);
}

/**
 * Waits until the consumer group has committed past every record of `topic` that is committed
 * now: the downstream service has processed (and written the outputs of) everything upstream
 * wrote so far. Compares with the last data offsets rather than the end offsets, because a
 * transactional topic ends with a commit marker that no consumer ever commits past.
 */
export async function waitForGroupToCatchUp(
  context: TestContext,
  groupId: string,
  topic: string,
  timeoutMs = 120_000,
): Promise<void> {
  const records = await context.readAll(topic, { timeoutMs: 30_000 });
  const lastOffsets = new Map<number, bigint>();
  for (const record of records) {
    const offset = BigInt(record.offset);
    if (offset > (lastOffsets.get(record.partition) ?? -1n))
      lastOffsets.set(record.partition, offset);
  }
  await waitFor(
    async () => {
      const [committed] = await context.admin.fetchOffsets({ groupId, topics: [topic] });
      const done = new Map(committed?.partitions.map((p) => [p.partition, BigInt(p.offset)]));
      return [...lastOffsets].every(([partition, last]) => (done.get(partition) ?? -1n) > last);
    },
    { timeoutMs, intervalMs: 200, description: `group ${groupId} to commit all of ${topic}` },
  );
}
