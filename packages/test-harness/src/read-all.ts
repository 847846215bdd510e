import { randomBytes } from 'node:crypto';
import { toKafkaError, type KafkaClient, type KafkaMessage } from '@clawback/kafka';
import { WaitTimeoutError } from './wait-for';

/** A record as read back in a test. */
export interface ReadRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: KafkaMessage['headers'];
  readonly timestamp: string;
}

/** When {@link readAll} stops: a count, a predicate, or (neither given) the end of the topic. */
export interface ReadAllOptions {
  /** Stop once this many records were read. */
  readonly expected?: number;
  /** Stop once this holds for the records read so far. */
  readonly until?: (records: readonly ReadRecord[]) => boolean;
  readonly timeoutMs: number;
}

/**
 * Reads `topic` from the beginning with read_committed (aborted transactions are never seen)
 * until the stop condition holds, and returns the records in partition order. Without
 * `expected` or `until`, reads up to the end offsets as they were when called.
 *
 * @throws WaitTimeoutError saying what it waited for and how many records it got.
 */
export async function readAll(
  kafka: KafkaClient,
  topic: string,
  options: ReadAllOptions,
): Promise<readonly ReadRecord[]> {
  const ends =
    options.expected === undefined && !options.until ? await endOffsets(kafka, topic) : undefined;
  const records: ReadRecord[] = [];
  const reached = new Map<number, bigint>();
  const done = (): boolean => {
    if (options.expected !== undefined) return records.length >= options.expected;
    if (options.until) return options.until(records);
    return [...ends!].every(([partition, end]) => (reached.get(partition) ?? -1n) + 1n >= end);
  };
  const consumer = kafka.consumer({
    groupId: `read-all-${randomBytes(6).toString('hex')}`,
    readUncommitted: false,
    allowAutoTopicCreation: false,
  });
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const check = (): void => {
    if (done()) finish();
  };
  // Batch ends include control records and aborted data, so "end of topic" is detectable.
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    reached.set(payload.partition, BigInt(payload.lastOffset));
    check();
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    if (done()) return records;
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ message, partition }) => {
        const { key, value, headers, offset, timestamp } = message;
        records.push({ topic, partition, key, value, headers, offset, timestamp });
        check();
        return Promise.resolve();
      },
    });
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
    });
    if ((await Promise.race([finished, timedOut])) === 'timeout') {
      const what =
        options.expected !== undefined
          ? `${options.expected} records`
          : options.until
            ? 'the until condition'
            : 'the end';
      throw new WaitTimeoutError(
        `${what} on ${topic} (read ${records.length})`,
        options.timeoutMs,
        undefined,
      );
    }
    return [...records].sort(
      (a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)),
    );
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
}

/**
 * The topic's end offsets. Retried (briefly) on a retriable answer: for a moment after a topic
 * is created, or while a leader moves, ListOffsets answers `NOT_LEADER_FOR_PARTITION`, and a
 * test must not fail on that (CI did once, 2026-12-03).
 */
async function endOffsets(kafka: KafkaClient, topic: string): Promise<Map<number, bigint>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const offsets = await admin.fetchTopicOffsets(topic);
        return new Map(offsets.map(({ partition, high }) => [partition, BigInt(high)]));
      } catch (error) {
        if (attempt >= 20 || !toKafkaError(error).retriable) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(50 * attempt, 500)));
      }
    }
  } finally {
    await admin.disconnect();
  }
}
