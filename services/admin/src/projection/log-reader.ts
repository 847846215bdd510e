import { randomUUID } from 'node:crypto';
import { isRetriable } from '@clawback/errors';
import type { KafkaClient, TopicNames } from '@clawback/kafka';
import type { Logger } from '@clawback/logging';
import { AdminError } from '../admin-error';
import type { DecodeValue } from '../log/decode-entry';
import type { TimelineRecord } from '../timeline/timeline-record';
import { decodeRecord, READ_TOPICS, roleOf } from './decode-record';

/** Options for {@link startLogReader}. */
export interface LogReaderOptions {
  readonly kafka: KafkaClient;
  readonly topics: TopicNames;
  /** A random suffix is added: every process reads everything, from the beginning. */
  readonly groupIdPrefix: string;
  readonly decode: DecodeValue;
  readonly onRecord: (record: TimelineRecord) => void;
  readonly logger: Logger;
  /** Called when kafkajs gives up on the consumer (the process should end). */
  readonly onFatal: (error: Error) => void;
}

/** The running reader. */
export interface LogReader {
  /** True once every record below the end offsets seen at start has been folded. */
  readonly caughtUp: () => boolean;
  /** Resolves when {@link caughtUp} becomes true. */
  readonly whenCaughtUp: Promise<void>;
  readonly close: () => Promise<void>;
}

const keyOf = (topic: string, partition: number) => `${topic}/${partition}`;

/**
 * Reads the six topics of the admin projection with `read_committed` from the beginning, in a
 * consumer group of its own (no offsets are committed), and keeps following them. Progress is
 * taken from kafkajs's end-of-batch events, which also cover batches of transaction markers
 * only. Offsets already folded are skipped, so a rebalance that restarts a partition from the
 * beginning folds nothing twice.
 */
export async function startLogReader(options: LogReaderOptions): Promise<LogReader> {
  const { kafka, topics, logger } = options;
  const admin = kafka.admin();
  await admin.connect();
  const pending = new Map<string, bigint>();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = READ_TOPICS.map((role) => topics[role]).filter((t) => !existing.has(t));
    if (missing.length > 0)
      throw new AdminError(
        'topics_missing',
        `topics missing: ${missing.join(', ')} (create them with npm run provision)`,
      );
    for (const role of READ_TOPICS) {
      for (const p of await admin.fetchTopicOffsets(topics[role]))
        if (BigInt(p.high) > BigInt(p.low))
          pending.set(keyOf(topics[role], p.partition), BigInt(p.high));
    }
  } catch (error) {
    await admin.disconnect();
    throw error;
  }
  const groupId = `${options.groupIdPrefix}-${randomUUID()}`;
  const consumer = kafka.consumer({
    groupId,
    readUncommitted: false,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 250,
  });
  const next = new Map<string, bigint>();
  let markCaughtUp: () => void = () => undefined;
  const whenCaughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));
  const check = () => {
    if (pending.size === 0) markCaughtUp();
  };
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    const key = keyOf(payload.topic, payload.partition);
    const end = pending.get(key);
    if (end !== undefined && BigInt(payload.lastOffset) + 1n >= end) pending.delete(key);
    check();
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    logger.error({ err: payload.error, restart: payload.restart }, 'admin log reader crashed');
    if (!payload.restart) options.onFatal(payload.error);
  });
  check();
  await consumer.connect();
  await consumer.subscribe({
    topics: READ_TOPICS.map((role) => topics[role]),
    fromBeginning: true,
  });
  await consumer.run({
    autoCommit: false,
    eachBatch: async (payload) => {
      const { batch } = payload;
      const role = roleOf(topics, batch.topic)!;
      const key = keyOf(batch.topic, batch.partition);
      for (const message of batch.messages) {
        const offset = BigInt(message.offset);
        if (offset < (next.get(key) ?? 0n)) continue;
        const position = { topic: batch.topic, partition: batch.partition, offset: message.offset };
        try {
          const record = await decodeRecord(role, position, message, options.decode);
          if (record !== null) options.onRecord(record);
        } catch (error) {
          if (isRetriable(error)) throw error; // the registry is away: the batch is read again
          logger.warn({ err: error, ...position }, 'record skipped: it cannot be decoded');
        }
        next.set(key, offset + 1n);
      }
      await payload.heartbeat();
    },
  });
  return {
    caughtUp: () => pending.size === 0,
    whenCaughtUp,
    close: async () => {
      await consumer.disconnect().catch(() => undefined);
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
