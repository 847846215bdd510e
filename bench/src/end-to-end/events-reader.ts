import { loadConfig, type Env } from '@clawback/config';
import { createKafkaClient } from '@clawback/kafka';
import { AvroRegistry } from '@clawback/schema-registry';
import { waitFor } from '@clawback/test-harness';
import { serveChild } from '../pipeline/child-process';
import { epochMs } from './epoch-clock';

/** What the events reader is asked to watch. */
export interface ReaderRequest {
  readonly env: Env;
  readonly topic: string;
  readonly groupId: string;
  /**
   * `lifecycle-events` (default): Avro events, keyed by their `causationId`. `copied-records`:
   * the substrate baseline's copies, keyed by the index their value starts with.
   */
  readonly format?: 'lifecycle-events' | 'copied-records';
}

/** Sent after the load: the causation ids to wait for. */
export interface ReaderExpectation {
  readonly causationIds: readonly string[];
  readonly timeoutMs: number;
}

/** When each expected id's first event was seen (epoch ms), or null if it never was. */
export interface ReaderResult {
  readonly seenAtMs: readonly (number | null)[];
  /** The same events' record timestamps: when the lifecycle wrote them, in its transaction. */
  readonly writtenAtMs: readonly (number | null)[];
  readonly eventsRead: number;
}

const SPACE = 0x20;

/** The index a substrate record's value starts with (see `substrate-load.ts`). */
function copiedRecordId(value: Buffer): string {
  return value.toString('latin1', 0, Math.max(0, value.indexOf(SPACE)));
}

/**
 * Reads `orders.lifecycle.events` (or the substrate baseline's copies) with read_committed from the start and notes when the first
 * event caused by each notification became visible: the moment its transaction committed,
 * plus one fetch. Runs in its own process, so nothing delays its clock readings.
 */
serveChild<ReaderRequest, ReaderResult>(async (request, report) => {
  const config = loadConfig(['kafka', 'schemaRegistry'], request.env);
  const registry = new AvroRegistry(config.schemaRegistry);
  const consumer = createKafkaClient(config.kafka, { clientId: request.groupId }).consumer({
    groupId: request.groupId,
    readUncommitted: false,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 100,
  });
  const seen = new Map<string, number>();
  const written = new Map<string, number>();
  let eventsRead = 0;
  consumer.on(consumer.events.GROUP_JOIN, () => report.mark('joined'));
  await consumer.connect();
  await consumer.subscribe({ topics: [request.topic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ message }) => {
      const at = epochMs();
      if (message.value === null) return;
      const id =
        request.format === 'copied-records'
          ? copiedRecordId(message.value)
          : (await registry.decode<{ causationId: string }>(message.value)).causationId;
      eventsRead++;
      if (!seen.has(id)) {
        seen.set(id, at);
        written.set(id, Number(message.timestamp));
      }
    },
  });
  const expectation = await report.next<ReaderExpectation>();
  try {
    await waitFor(() => expectation.causationIds.every((id) => seen.has(id)), {
      timeoutMs: expectation.timeoutMs,
      intervalMs: 200,
      description: `events for ${expectation.causationIds.length} notifications`,
    });
  } catch {
    // Reported as nulls: a figure with a hole is still worth keeping.
  }
  await consumer.disconnect();
  return {
    seenAtMs: expectation.causationIds.map((id) => seen.get(id) ?? null),
    writtenAtMs: expectation.causationIds.map((id) => written.get(id) ?? null),
    eventsRead,
  };
});
