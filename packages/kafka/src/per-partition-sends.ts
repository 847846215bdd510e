/**
 * The fallback of this package's producers when kafkajs's `sendMessages` could not be replaced
 * by `send-per-broker.ts` (see `send-per-broker-install.ts`); otherwise unused.
 *
 * Sends each topic-partition's records with its own kafkajs request, because one kafkajs send
 * that spans several brokers can write records twice or not at all (kafkajs 2.2.4,
 * `producer/sendMessages.js`). Its retrier keeps, per broker object, the answer of the brokers
 * that already succeeded and re-sends to the others:
 *
 * - `Promise.all` gives up at the first failing broker while another broker's request is still
 *   in flight; the retry re-sends that broker's records with *new* sequence numbers, so the
 *   broker appends them a second time, inside the same transaction. Found by the rolling-restart
 *   suite: `OrderPaid` events committed twice, back to back in one transaction, when
 *   AddPartitionsToTxn answered CONCURRENT_TRANSACTIONS on one broker.
 * - A partition whose leader moved to a broker that had already answered is never sent: the
 *   retry skips that broker, and the send resolves as if the records were written.
 *
 * A send that names one partition reaches exactly one broker, where kafkajs's own retry is safe
 * (a failed request gives its sequence numbers back, and a resent batch the broker already has
 * is recognised as a duplicate). So every send is split by topic-partition, the parts run side
 * by side, and the caller hears back only once every part has settled: no request is still in
 * flight when it aborts or retries.
 */

import { randomInt } from 'node:crypto';
import type {
  Kafka,
  Message,
  Producer,
  ProducerBatch,
  ProducerRecord,
  RecordMetadata,
  Transaction,
} from 'kafkajs';
import { KafkaError } from './kafka-error';
import { partitionOfKey } from './key-partition';
import { installTransactionPartitions } from './transaction-partitions';

/** The partition count of a topic (read once from the cluster's metadata). */
export type PartitionCountOf = (topic: string) => Promise<number>;

/** One request's worth: records of one topic-partition, in the order they were given. */
interface PartitionPart {
  readonly topic: string;
  readonly partition: number;
  readonly messages: Message[];
}

/**
 * Splits `topicMessages` by topic-partition: an explicit `partition` is kept, a keyed record
 * goes where kafkajs's default partitioner would put it (murmur2, {@link partitionOfKey}), an
 * unkeyed one to a random partition. Order within a partition is kept.
 */
export async function splitByPartition(
  topicMessages: readonly { readonly topic: string; readonly messages: readonly Message[] }[],
  partitionCountOf: PartitionCountOf,
): Promise<PartitionPart[]> {
  const parts = new Map<string, PartitionPart>();
  for (const { topic, messages } of topicMessages) {
    // The count is needed only for records without a partition; read it once per topic.
    const count = messages.some((m) => !hasPartition(m)) ? await partitionCountOf(topic) : 0;
    for (const message of messages) {
      const partition = placeOf(message, count);
      const id = `${topic}\u0000${partition}`;
      let part = parts.get(id);
      if (!part) {
        part = { topic, partition, messages: [] };
        parts.set(id, part);
      }
      part.messages.push({ ...message, partition });
    }
  }
  return [...parts.values()];
}

const hasPartition = (message: Message): message is Message & { partition: number } =>
  message.partition !== undefined && message.partition !== null;

function placeOf(message: Message, count: number): number {
  if (hasPartition(message)) return message.partition;
  const { key } = message;
  if (key === null || key === undefined) return randomInt(count);
  return partitionOfKey(key, count);
}

/**
 * Runs `send` once per part, all at once, and resolves with every answer once all succeeded;
 * if any failed, rejects with the first failure, but only after every part has settled.
 */
export async function sendParts(
  parts: readonly PartitionPart[],
  send: (part: PartitionPart) => Promise<RecordMetadata[]>,
): Promise<RecordMetadata[]> {
  const settled = await Promise.allSettled(parts.map(send));
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
}

function recordAsBatch(record: ProducerRecord): ProducerBatch {
  const { topic, messages, ...rest } = record;
  return { ...rest, topicMessages: [{ topic, messages }] };
}

/**
 * Wraps `producer` (and every transaction it begins) so that `send` and `sendBatch` go out one
 * topic-partition per request (see the file comment). Everything else is the producer's own.
 * With a `transactionalId`, a transactional send's partitions are registered with the
 * coordinator in one request (`transaction-partitions.ts`), not one per part.
 */
export function sendingPerPartition(
  producer: Producer,
  kafka: Kafka,
  transactionalId?: string,
): Producer {
  const partitionCountOf = partitionCounts(kafka);
  const registry = transactionalId === undefined ? undefined : installTransactionPartitions();
  const perPartition = (sendBatch: Producer['sendBatch'], announce?: boolean) => {
    const send = async (batch: ProducerBatch) => {
      const { topicMessages = [], ...rest } = batch;
      const parts = await splitByPartition(topicMessages, partitionCountOf);
      if (announce && registry && transactionalId !== undefined && parts.length > 1) {
        registry.announce(
          transactionalId,
          parts.map(({ topic, partition }) => ({ topic, partitions: [partition] })),
        );
      }
      return sendParts(parts, (part) =>
        sendBatch({ ...rest, topicMessages: [{ topic: part.topic, messages: part.messages }] }),
      );
    };
    return {
      sendBatch: send,
      send: (record: ProducerRecord) => send(recordAsBatch(record)),
    };
  };
  return {
    ...producer,
    ...perPartition((batch) => producer.sendBatch(batch)),
    transaction: async (): Promise<Transaction> => {
      const transaction = await producer.transaction();
      return {
        ...transaction,
        ...perPartition((batch) => transaction.sendBatch(batch), true),
      };
    },
  };
}

/**
 * Partition counts read from the cluster once per topic (a short-lived admin client), then
 * remembered: a topic that gains partitions while the process runs keeps its keyed records
 * where they were until the restart, as a producer with cached metadata would. A failed read
 * is forgotten, so the next call asks again.
 */
export function partitionCounts(kafka: Kafka): PartitionCountOf {
  const known = new Map<string, Promise<number>>();
  return (topic) => {
    let count = known.get(topic);
    if (!count) {
      count = readPartitionCount(kafka, topic);
      known.set(topic, count);
      // A failed read must not stay cached: the next send asks again.
      count.catch(() => known.delete(topic));
    }
    return count;
  };
}

async function readPartitionCount(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    const count = metadata.topics.find((t) => t.name === topic)?.partitions.length ?? 0;
    if (count < 1) {
      throw new KafkaError('kafka_unknown_topic', `topic ${topic} has no partitions`, {
        retriable: true,
      });
    }
    return count;
  } finally {
    await admin.disconnect();
  }
}
