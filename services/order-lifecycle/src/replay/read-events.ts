import { readPartitionRange } from '@clawback/exactly-once';
import type { Admin, KafkaClient } from '@clawback/kafka';
import type { AvroRegistry } from '@clawback/schema-registry';
import type { EventRecord } from './compare-events';

/** Every committed event of `topic` (read_committed), per partition in offset order. */
export async function readEvents(
  kafka: KafkaClient,
  admin: Admin,
  registry: AvroRegistry,
  topic: string,
  groupIdPrefix: string,
): Promise<ReadonlyMap<number, readonly EventRecord[]>> {
  const events = new Map<number, EventRecord[]>();
  for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
    const records: EventRecord[] = [];
    events.set(partition, records);
    await readPartitionRange(
      kafka,
      { topic, partition, fromOffset: low, toOffset: high },
      {
        groupIdPrefix,
        timeoutMs: 600_000,
        onMessages: async (messages) => {
          for (const message of messages) {
            if (message.value === null) continue;
            const decoded = await registry.decode<{ eventId: string }>(message.value);
            records.push({ eventId: decoded.eventId, value: message.value });
          }
        },
      },
    );
  }
  return events;
}
