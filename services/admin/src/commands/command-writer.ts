import { createTransactionalProducer, initTransactions, type KafkaClient } from '@clawback/kafka';
import type { RawNotificationRecord } from '@clawback/notifications';
import type { AvroRegistry } from '@clawback/schema-registry';
import { AdminError } from '../admin-error';

/** One record for `payments.notifications.raw`: keyed by its order key. */
export interface OutgoingRecord {
  readonly value: RawNotificationRecord;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Where a written record landed. */
export interface WrittenRecord {
  readonly partition: number;
  readonly offset: string;
}

/** Writes operator records to the raw topic, all of one call or none. */
export interface CommandWriter {
  write(records: readonly OutgoingRecord[]): Promise<readonly WrittenRecord[]>;
  close(): Promise<void>;
}

/** Options for {@link createCommandWriter}. */
export interface CommandWriterOptions {
  readonly kafka: KafkaClient;
  readonly registry: AvroRegistry;
  /** The (possibly prefixed) `payments.notifications.raw`. */
  readonly topic: string;
  readonly transactionalId: string;
  readonly timeoutMs: number;
}

/**
 * A transactional writer: the records of one resolution (an attach and the release of its
 * parked copy) are committed together, and a `202` is answered only after the commit, so a
 * command the API acknowledged is in the log. Writes are serialized (one transaction at a time,
 * as kafkajs requires).
 */
export async function createCommandWriter(options: CommandWriterOptions): Promise<CommandWriter> {
  const producer = createTransactionalProducer(options.kafka, {
    transactionalId: options.transactionalId,
  });
  await producer.connect();
  await initTransactions(producer);
  let tail: Promise<unknown> = Promise.resolve();

  const writeNow = async (records: readonly OutgoingRecord[]): Promise<WrittenRecord[]> => {
    const messages = await Promise.all(
      records.map(async (r) => ({
        key: r.value.orderKey,
        value: await options.registry.encode(options.topic, r.value),
        headers: { ...r.headers },
      })),
    );
    const transaction = await producer.transaction();
    try {
      const sent = await transaction.send({ topic: options.topic, messages });
      await transaction.commit();
      return sent.map((m) => ({ partition: m.partition, offset: m.baseOffset ?? '' }));
    } catch (error) {
      await transaction.abort().catch(() => undefined);
      throw error;
    }
  };

  return {
    write: (records) => {
      const run = tail.then(() => withTimeout(writeNow(records), options.timeoutMs));
      tail = run.catch(() => undefined);
      return run.catch((error: unknown) => {
        throw new AdminError(
          'write_failed',
          'the record could not be written to Kafka; try again',
          error,
        );
      });
    },
    close: async () => {
      await tail;
      await producer.disconnect();
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not written after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
