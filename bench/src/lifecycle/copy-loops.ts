import {
  createTransactionalProducer,
  initTransactions,
  toKafkaError,
  withKafkajsOwnSends,
  type EachBatchPayload,
  type KafkaClient,
  type Producer,
} from '@clawback/kafka';
import type { LoopRequest } from './loop-request';

/** A started loop: resolves `joined` at its first partition assignment. */
export interface RunningLoop {
  readonly joined: Promise<void>;
  stop(): Promise<void>;
}

function copied(payload: EachBatchPayload) {
  return payload.batch.messages.map((m) => ({ key: m.key, value: m.value }));
}

type Transaction = Awaited<ReturnType<Producer['transaction']>>;

/**
 * `sendOffsets`, retried within milliseconds on `CONCURRENT_TRANSACTIONS` (the previous
 * commit's markers still being written; kafkajs gives up on it here at once). The offsets go
 * first so that this request, not the records' AddPartitionsToTxn, meets it: kafkajs's own
 * retry of a produce waits 300 ms, which would make the baseline's latency mostly that wait.
 */
async function sendOffsetsFirst(
  transaction: Transaction,
  offsets: Parameters<Transaction['sendOffsets']>[0],
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await transaction.sendOffsets(offsets);
      return;
    } catch (error) {
      const concurrent = toKafkaError(error).code === 'kafka_concurrent_transactions';
      if (!concurrent || attempt >= 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(2 ** attempt, 50)));
    }
  }
}

const nextOffset = (payload: EachBatchPayload): string =>
  String(BigInt(payload.batch.lastOffset()) + 1n);

/**
 * A consume→produce loop with the lifecycle's consumer settings and no work of ours:
 * `transactional` adds one transaction per batch (outputs and offsets), as the lifecycle
 * commits, with one transactional producer per input partition.
 */
export async function startCopyLoop(
  kafka: KafkaClient,
  request: LoopRequest,
): Promise<RunningLoop> {
  const consumer = kafka.consumer({
    groupId: request.groupId,
    readUncommitted: false,
    allowAutoTopicCreation: false,
    maxBytesPerPartition: request.maxBatchBytes,
  });
  let markJoined: () => void = () => undefined;
  const joined = new Promise<void>((resolve) => (markJoined = resolve));
  consumer.on(consumer.events.GROUP_JOIN, () => markJoined());
  // The bare copy: kafkajs as it ships, not with @clawback/kafka's sendMessages.
  const plain = withKafkajsOwnSends(() => kafka.producer({ allowAutoTopicCreation: false }));
  const transactional = new Map<number, Promise<Producer>>();
  const producerFor = (partition: number): Promise<Producer> => {
    let producer = transactional.get(partition);
    if (!producer) {
      producer = (async () => {
        const created = createTransactionalProducer(kafka, {
          transactionalId: `${request.transactionalIdPrefix}-${partition}`,
        });
        await created.connect();
        await initTransactions(created);
        return created;
      })();
      transactional.set(partition, producer);
    }
    return producer;
  };
  const { inputTopic, outputTopic, groupId } = request;
  const eachBatch = async (payload: EachBatchPayload): Promise<void> => {
    const { partition } = payload.batch;
    const offsets = [{ topic: inputTopic, partition, offset: nextOffset(payload) }];
    if (request.kind === 'transactional') {
      const transaction = await (await producerFor(partition)).transaction();
      try {
        await sendOffsetsFirst(transaction, {
          consumerGroupId: groupId,
          topics: [{ topic: inputTopic, partitions: [{ partition, offset: offsets[0]!.offset }] }],
        });
        await transaction.send({ topic: outputTopic, messages: copied(payload) });
        await transaction.commit();
      } catch (error) {
        await transaction.abort().catch(() => undefined);
        throw error;
      }
    } else {
      await plain.send({ topic: outputTopic, acks: -1, messages: copied(payload) });
      await consumer.commitOffsets(offsets);
    }
    payload.resolveOffset(payload.batch.lastOffset());
    await payload.heartbeat();
  };
  await plain.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [inputTopic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: request.concurrency,
    eachBatch,
  });
  return {
    joined,
    stop: async () => {
      await consumer.disconnect();
      await plain.disconnect();
      await Promise.all([...transactional.values()].map(async (p) => (await p).disconnect()));
    },
  };
}
