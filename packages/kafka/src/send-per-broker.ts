/**
 * A replacement for kafkajs 2.2.4's `producer/sendMessages.js`, the function every `send` and
 * `sendBatch` of a kafkajs producer (and of each of its transactions) ends in. kafkajs's own
 * groups a send's records by leader broker and sends one Produce request per broker, as this
 * does, but it can write records twice or not at all (ADR 0004):
 *
 * - it waits for the brokers' requests with `Promise.all`, so the first failure reaches the
 *   retrier while another broker's request is still in flight, and the retry sends that
 *   broker's records again with *new* sequence numbers (the broker appends them twice);
 * - it remembers answers per broker, so a partition whose leader moved to a broker that had
 *   already answered is never sent, and the send resolves as if it had been written;
 * - a partition missing from the metadata is dropped from the request without a word.
 *
 * Here every attempt waits until each of its requests has settled before it fails, answers are
 * kept per topic-partition (a partition without an answer goes, on the next attempt, to
 * whichever broker leads it then), a partition without a leader in the metadata fails the
 * attempt (metadata is refreshed, the attempt retried), and the records' placement is decided
 * once, so a retry never moves a record to another partition. A failed request gives its
 * sequence numbers back, as in kafkajs, and nothing else of the producer's is in flight on
 * that broker meanwhile (the broker lock), so its retry carries the same numbers and a batch
 * the broker did write is recognised as a duplicate. A transactional attempt registers all of
 * its new partitions with one `AddPartitionsToTxn` before any of its Produce requests.
 *
 * Installed in place of kafkajs's module by `send-per-broker-install.ts`.
 */

import type { Message, RecordMetadata } from 'kafkajs';
import type {
  ProducingBroker,
  ProducingCluster,
  SendMessagesDeps,
  SendMessagesRequest,
  TopicData,
} from './send-per-broker-deps';
import { prepareRetry, retriableError } from './send-retry';

/** A topic's records by partition, in the order given (decided once per send). */
type Placement = ReadonlyMap<string, ReadonlyMap<number, Message[]>>;

const key = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/**
 * The records of `topicMessages` by topic and partition, through the producer's partitioner,
 * or `undefined` while a topic has no metadata yet.
 */
function placeRecords(
  topicMessages: SendMessagesRequest['topicMessages'],
  cluster: Pick<ProducingCluster, 'findTopicPartitionMetadata'>,
  partitioner: SendMessagesDeps['partitioner'],
): Placement | undefined {
  const placement = new Map<string, Map<number, Message[]>>();
  for (const { topic, messages } of topicMessages) {
    const partitionMetadata = cluster.findTopicPartitionMetadata(topic);
    if (partitionMetadata.length === 0) return undefined;
    const byPartition = placement.get(topic) ?? new Map<number, Message[]>();
    placement.set(topic, byPartition);
    for (const message of messages) {
      const partition = partitioner({ topic, partitionMetadata, message });
      const records = byPartition.get(partition);
      if (records) records.push(message);
      else byPartition.set(partition, [message]);
    }
  }
  return placement;
}

/**
 * The partitions still without an answer, grouped by the node id of their leader now.
 *
 * @throws an error named `KafkaJSMetadataNotLoaded` (retried after a metadata refresh) when a
 *   partition has no leader in the metadata
 */
function pendingByLeader(
  placement: Placement,
  answered: ReadonlyMap<string, unknown>,
  cluster: Pick<ProducingCluster, 'findTopicPartitionMetadata'>,
): Map<number, TopicData[]> {
  const byLeader = new Map<number, TopicData[]>();
  for (const [topic, byPartition] of placement) {
    const metadata = cluster.findTopicPartitionMetadata(topic);
    for (const [partition, messages] of byPartition) {
      if (answered.has(key(topic, partition))) continue;
      const leader = metadata.find((p) => p.partitionId === partition)?.leader;
      if (leader === undefined || leader === null || leader < 0) {
        throw retriableError(
          'KafkaJSMetadataNotLoaded',
          `no leader known for ${topic} partition ${partition}`,
        );
      }
      const topics = byLeader.get(leader) ?? [];
      byLeader.set(leader, topics);
      let data = topics.find((t) => t.topic === topic);
      if (!data) topics.push((data = { topic, partitions: [] }));
      data.partitions.push({ partition, messages });
    }
  }
  return byLeader;
}

/** A Produce answer's per-partition entries, as kafkajs's producer returns them. */
function answersOf(response: unknown): RecordMetadata[] {
  const topics = (response as { topics?: { topicName: string; partitions: object[] }[] }).topics;
  return (topics ?? []).flatMap(({ topicName, partitions }) =>
    partitions.map((p) => ({ topicName, ...p }) as RecordMetadata),
  );
}

/**
 * kafkajs's `sendMessages` factory, rewritten as described in the file comment: same
 * arguments, same answer (one `RecordMetadata` per topic-partition written), same retries.
 */
export function createSendPerBroker(deps: SendMessagesDeps) {
  const { cluster, partitioner, eosManager, retrier } = deps;

  return async function sendMessages(request: SendMessagesRequest): Promise<RecordMetadata[]> {
    const { acks, timeout, compression, topicMessages } = request;
    const topics = topicMessages.map(({ topic }) => topic);
    const answers = new Map<string, RecordMetadata[]>();
    let placement: Placement | undefined;

    const produceTo = async (broker: ProducingBroker, topicData: TopicData[]) => {
      await eosManager.acquireBrokerLock(broker);
      try {
        const sequenced = topicData.map(({ topic, partitions }) => ({
          topic,
          partitions: partitions.map((p) => {
            const firstSequence = eosManager.getSequence(topic, p.partition);
            eosManager.updateSequence(topic, p.partition, p.messages.length);
            return { ...p, firstSequence };
          }),
        }));
        let response: unknown;
        try {
          response = await broker.produce({
            transactionalId: eosManager.isTransactional()
              ? eosManager.getTransactionalId()
              : undefined,
            producerId: eosManager.getProducerId(),
            producerEpoch: eosManager.getProducerEpoch(),
            acks,
            timeout,
            compression,
            topicData: sequenced,
          });
        } catch (error) {
          for (const { topic, partitions } of sequenced) {
            for (const p of partitions) {
              eosManager.updateSequence(topic, p.partition, -p.messages.length);
            }
          }
          throw error;
        }
        // Every partition of a request that succeeded is written, with or without an entry.
        const entries = acks === 0 ? [] : answersOf(response);
        for (const { topic, partitions } of sequenced) {
          for (const { partition } of partitions) {
            answers.set(
              key(topic, partition),
              entries.filter((e) => e.topicName === topic && e.partition === partition),
            );
          }
        }
      } finally {
        eosManager.releaseBrokerLock(broker);
      }
    };

    const attempt = async (): Promise<RecordMetadata[]> => {
      await cluster.refreshMetadataIfNecessary();
      placement ??= placeRecords(topicMessages, cluster, partitioner);
      if (!placement) {
        throw retriableError('KafkaJSMetadataNotLoaded', 'Producing to topic without metadata');
      }
      const byLeader = pendingByLeader(placement, answers, cluster);
      if (eosManager.isTransactional() && byLeader.size > 0) {
        await eosManager.addPartitionsToTransaction([...byLeader.values()].flat());
      }
      const requests = await Promise.all(
        [...byLeader].map(async ([nodeId, topicData]) => ({
          broker: await cluster.findBroker({ nodeId: String(nodeId) }),
          topicData,
        })),
      );
      const settled = await Promise.allSettled(
        requests.map(({ broker, topicData }) => produceTo(broker, topicData)),
      );
      const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failed) throw failed.reason;
      return [...placement].flatMap(([topic, byPartition]) =>
        [...byPartition.keys()].flatMap((partition) => answers.get(key(topic, partition)) ?? []),
      );
    };

    return retrier(async (bail, retryCount, retryTime) => {
      await cluster.addMultipleTargetTopics(topics);
      try {
        return await attempt();
      } catch (error) {
        await prepareRetry(error, deps, { retryCount, retryTime }, bail);
        throw error;
      }
    });
  };
}
