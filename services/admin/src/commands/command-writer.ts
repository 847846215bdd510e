import { createTransactionalProducer, initTransactions, type KafkaClient } from '@clawback/kafka';
import type { RawNotificationRecord } from '@clawback/notifications';
import type { AvroRegistry } from '@clawback/schema-registry';
import { AdminError } from '../admin-error';
import type { CancellationRedriveValue } from './plan-redrive';

/**
 * One record to write: for `payments.notifications.raw` (keyed by its order key), or a
 * cancellation redrive command for `subscriptions.cancellations.redrive` (keyed by its
 * subscription ref, ADR 0019).
 */
export type OutgoingRecord =
  | {
      readonly topic?: 'raw';
      readonly value: RawNotificationRecord;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly topic: 'cancellationsRedrive'; readonly value: CancellationRedriveValue };

/** Where a written record landed. */
interface WrittenRecord {
  readonly partition: number;
  readonly offset: string;
}

/** Writes operator records, all of one call or none. */
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
  /** The (possibly prefixed) `subscriptions.cancellations.redrive`. */
  readonly redriveTopic: string;
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
      records.map(async (r) => {
        if (r.topic === 'cancellationsRedrive') {
          const topic = options.redriveTopic;
          const value = await options.registry.encode(topic, r.value);
          return { topic, message: { key: r.value.subscriptionRef, value } };
        }
        const value = await options.registry.encode(options.topic, r.value);
        return {
          topic: options.topic,
          message: { key: r.value.orderKey, value, headers: { ...r.headers } },
        };
      }),
    );
    const transaction = await producer.transaction();
    try {
      const written: WrittenRecord[] = [];
      // One send per record (operators write few): each answer is that record's position.
      for (const { topic, message } of messages) {
        const [sent] = await transaction.send({ topic, messages: [message] });
        written.push({ partition: sent?.partition ?? 0, offset: sent?.baseOffset ?? '' });
      }
      await transaction.commit();
      return written;
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
