import { randomUUID } from 'node:crypto';
import type { KafkaClient, KafkaMessage } from '@clawback/kafka';
import { CancellationError } from '../cancellation-error';

/** Options for {@link readToEnd}. */
export interface ReadToEndOptions {
  /** Where to start per partition; every partition of the topic must be named. */
  readonly from: ReadonlyMap<number, string>;
  /** Offsets to reach per partition (the end offsets when the read began). */
  readonly to: ReadonlyMap<number, string>;
  /** Called with each fetched batch's committed records, in offset order. */
  readonly onBatch: (partition: number, messages: readonly KafkaMessage[]) => Promise<void>;
  readonly groupIdPrefix: string;
  readonly timeoutMs: number;
}

/**
 * Reads the committed records (`read_committed`) of every partition from `from` up to `to`,
 * with a private consumer group that commits nothing. Progress is taken from kafkajs's
 * end-of-batch events, because batches of transaction markers only never reach `eachBatch`.
 *
 * @throws CancellationError `rebuild_failed` on a crash, a failed `onBatch` or the timeout.
 */
export async function readToEnd(
  kafka: KafkaClient,
  topic: string,
  options: ReadToEndOptions,
): Promise<void> {
  const pending = new Set(
    [...options.to]
      .filter(([p, end]) => BigInt(options.from.get(p) ?? '0') < BigInt(end))
      .map(([p]) => p),
  );
  if (pending.size === 0) return;
  const consumer = kafka.consumer({
    groupId: `${options.groupIdPrefix}-${randomUUID()}`,
    maxWaitTimeInMs: 100,
  });
  let timer: NodeJS.Timeout | undefined;
  let fail: (error: unknown) => void = () => undefined;
  const finished = new Promise<void>((resolve, reject) => {
    fail = (error) => reject(rebuildFailed(topic, error));
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      const end = options.to.get(payload.partition);
      if (end !== undefined && BigInt(payload.lastOffset) + 1n >= BigInt(end))
        pending.delete(payload.partition);
      if (pending.size === 0) resolve();
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => fail(payload.error));
    timer = setTimeout(
      () => fail(new Error(`not done after ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
  });
  finished.catch(() => undefined);
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const end = BigInt(options.to.get(batch.partition) ?? '0');
        const wanted = batch.messages.filter((message) => BigInt(message.offset) < end);
        // Not rethrown: kafkajs would deliver the batch again and again.
        if (wanted.length > 0) await options.onBatch(batch.partition, wanted).catch(fail);
      },
    });
    for (const [partition, end] of options.to) {
      const start = pending.has(partition) ? (options.from.get(partition) ?? '0') : end;
      consumer.seek({ topic, partition, offset: start });
    }
    await finished;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
  }
}

function rebuildFailed(topic: string, cause: unknown): CancellationError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new CancellationError('rebuild_failed', `reading ${topic}: ${reason}`, { cause });
}
