import type { Message, PartitionMetadata } from 'kafkajs';
import { createSendPerBroker } from './send-per-broker';
import type {
  ProducingBroker,
  ProducingCluster,
  ProducingEosManager,
  SendMessagesDeps,
  TopicData,
} from './send-per-broker-deps';

interface ProduceCall {
  readonly nodeId: number;
  readonly topicData: TopicData[];
}

/** A broker answering with `answer` (resolve/reject per call), recording every Produce. */
function fakeBroker(
  nodeId: number,
  calls: ProduceCall[],
  answer: (call: number) => Promise<void>,
): ProducingBroker {
  let count = 0;
  return {
    nodeId,
    produce: async (request) => {
      const { topicData } = request as { topicData: TopicData[] };
      calls.push({ nodeId, topicData });
      await answer(count++);
      return {
        topics: topicData.map(({ topic, partitions }) => ({
          topicName: topic,
          partitions: partitions.map(({ partition }) => ({ partition, errorCode: 0 })),
        })),
      };
    },
  };
}

/** A cluster whose leaders are `leaders[topic][partition]`, changeable between attempts. */
function fakeCluster(
  leaders: Record<string, (number | null)[]>,
  brokers: Map<number, ProducingBroker>,
): ProducingCluster & { refreshes: number } {
  return {
    refreshes: 0,
    addMultipleTargetTopics: () => Promise.resolve(),
    refreshMetadataIfNecessary: () => Promise.resolve(),
    refreshMetadata() {
      this.refreshes += 1;
      return Promise.resolve();
    },
    findTopicPartitionMetadata: (topic) =>
      (leaders[topic] ?? []).map(
        (leader, partitionId) => ({ partitionId, leader }) as unknown as PartitionMetadata,
      ),
    findBroker: ({ nodeId }) => Promise.resolve(brokers.get(Number(nodeId))!),
    isConnected: () => true,
    connect: () => Promise.resolve(),
    removeBroker: () => undefined,
  };
}

function fakeEos(transactional = false): ProducingEosManager & {
  sequences: Map<string, number>;
  added: TopicData[][];
} {
  const sequences = new Map<string, number>();
  const added: TopicData[][] = [];
  return {
    sequences,
    added,
    isTransactional: () => transactional,
    getTransactionalId: () => 'txn',
    getProducerId: () => 1,
    getProducerEpoch: () => 0,
    acquireBrokerLock: () => Promise.resolve(),
    releaseBrokerLock: () => undefined,
    addPartitionsToTransaction: (topicData) => {
      added.push(topicData);
      return Promise.resolve();
    },
    getSequence: (topic, p) => sequences.get(`${topic}:${p}`) ?? 0,
    updateSequence: (topic, p, n) =>
      void sequences.set(`${topic}:${p}`, (sequences.get(`${topic}:${p}`) ?? 0) + n),
  };
}

/** kafkajs's retrier, reduced: retry what is thrown, up to 5 attempts; `bail` stops. */
const retrier: SendMessagesDeps['retrier'] = async (attempt) => {
  for (let retryCount = 0; ; retryCount += 1) {
    let bailed: { error: unknown } | undefined;
    try {
      const answer = await attempt((error) => void (bailed = { error }), retryCount, 0);
      if (bailed) throw bailed.error;
      return answer;
    } catch (error) {
      if (bailed) throw bailed.error;
      if (retryCount >= 4) throw error;
    }
  }
};

const logger = { error: () => undefined, debug: () => undefined };
const byPartitionField: SendMessagesDeps['partitioner'] = ({ message }) => message.partition!;
const messages = (partitions: number[]): Message[] =>
  partitions.map((partition) => ({ value: `v${partition}`, partition }));
const sent = (calls: ProduceCall[]) =>
  calls.map(({ nodeId, topicData }) => [
    nodeId,
    topicData.flatMap(({ partitions }) => partitions.map((p) => p.partition)),
  ]);

/** The send under test over `cluster`, with kafkajs's retrier reduced as above. */
const sendOver = (
  cluster: ProducingCluster,
  eosManager: ProducingEosManager = fakeEos(),
  partitioner: SendMessagesDeps['partitioner'] = byPartitionField,
) => createSendPerBroker({ logger, cluster, partitioner, eosManager, retrier });

const retriable = (type: string) =>
  Object.assign(new Error(type), { name: 'KafkaJSProtocolError', type, retriable: true });

describe('createSendPerBroker', () => {
  it('given partitions led by two brokers, when sent, then one Produce per broker carries them all', async () => {
    const calls: ProduceCall[] = [];
    const brokers = new Map([1, 2].map((id) => [id, fakeBroker(id, calls, async () => {})]));
    const cluster = fakeCluster({ t: [1, 2, 1, 2] }, brokers);
    const send = sendOver(cluster);

    const answers = await send({
      topicMessages: [{ topic: 't', messages: messages([0, 1, 2, 3]) }],
    });

    expect(sent(calls)).toEqual([
      [1, [0, 2]],
      [2, [1, 3]],
    ]);
    expect(answers.map((a) => a.partition)).toEqual([0, 1, 2, 3]);
  });

  it('given one broker failing at once while the other is slow, when sent, then the retry waits for the slow one and sends only the failed broker its records again', async () => {
    const calls: ProduceCall[] = [];
    let releaseSlow!: () => void;
    const slow = new Promise<void>((resolve) => (releaseSlow = resolve));
    let slowSettled = false;
    const brokers = new Map([
      [
        1,
        fakeBroker(1, calls, (n) =>
          n === 0 ? Promise.reject(retriable('CONCURRENT_TRANSACTIONS')) : Promise.resolve(),
        ),
      ],
      [2, fakeBroker(2, calls, () => slow.then(() => void (slowSettled = true)))],
    ]);
    const cluster = fakeCluster({ t: [1, 2] }, brokers);
    const eos = fakeEos();
    const send = sendOver(cluster, eos);

    const sending = send({ topicMessages: [{ topic: 't', messages: messages([0, 1]) }] });
    // The fakes answer in microtasks, so once a macrotask has run every attempt that does not
    // wait for broker 2 has happened. Fails with Promise.all: the retry would already have
    // sent broker 2's records again.
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent(calls)).toEqual([
      [1, [0]],
      [2, [1]],
    ]);
    releaseSlow();
    const answers = await sending;

    expect(slowSettled).toBe(true);
    expect(sent(calls)).toEqual([
      [1, [0]],
      [2, [1]],
      [1, [0]],
    ]);
    expect(answers.map((a) => a.partition)).toEqual([0, 1]);
    // The failed request gave its sequence numbers back: its retry carried the same ones.
    const firstSequences = calls
      .filter((c) => c.nodeId === 1)
      .map((c) => c.topicData[0]!.partitions[0]!.firstSequence);
    expect(firstSequences).toEqual([0, 0]);
    expect(eos.sequences.get('t:0')).toBe(1);
    expect(eos.sequences.get('t:1')).toBe(1);
  });

  it('given a partition whose leader moves to a broker that already answered, when retried, then that broker is sent the partition', async () => {
    const calls: ProduceCall[] = [];
    const leaders = { t: [1, 2] as (number | null)[] };
    const brokers = new Map([
      [1, fakeBroker(1, calls, async () => {})],
      [
        2,
        fakeBroker(2, calls, () => {
          leaders.t[1] = 1; // partition 1 moves to broker 1 while broker 2 refuses it
          return Promise.reject(retriable('NOT_LEADER_FOR_PARTITION'));
        }),
      ],
    ]);
    const cluster = fakeCluster(leaders, brokers);
    const send = sendOver(cluster);

    const answers = await send({ topicMessages: [{ topic: 't', messages: messages([0, 1]) }] });

    // kafkajs 2.2.4 skips broker 1 on the retry (it had answered) and loses partition 1.
    expect(sent(calls)).toEqual([
      [1, [0]],
      [2, [1]],
      [1, [1]],
    ]);
    expect(answers.map((a) => a.partition)).toEqual([0, 1]);
    expect(cluster.refreshes).toBe(1);
  });

  it('given a partition without a leader in the metadata, when sent, then the metadata is refreshed and the partition sent once it has one', async () => {
    const calls: ProduceCall[] = [];
    const leaders = { t: [1, null] as (number | null)[] };
    const brokers = new Map([[1, fakeBroker(1, calls, async () => {})]]);
    const cluster = fakeCluster(leaders, brokers);
    const original = cluster.refreshMetadata.bind(cluster);
    cluster.refreshMetadata = async () => {
      await original();
      leaders.t[1] = 1;
    };
    const send = sendOver(cluster);

    await send({ topicMessages: [{ topic: 't', messages: messages([0, 1]) }] });

    // kafkajs 2.2.4 drops a partition missing from its metadata from the request, silently.
    expect(sent(calls)).toEqual([[1, [0, 1]]]);
  });

  it('given a topic that gains partitions between attempts, when retried, then no record changes partition', async () => {
    const calls: ProduceCall[] = [];
    const leaders = { t: [1, 1] as (number | null)[] };
    const brokers = new Map([
      [
        1,
        fakeBroker(1, calls, (n) => {
          if (n === 0) {
            leaders.t.push(1, 1);
            return Promise.reject(retriable('NOT_LEADER_FOR_PARTITION'));
          }
          return Promise.resolve();
        }),
      ],
    ]);
    const cluster = fakeCluster(leaders, brokers);
    const byCount: SendMessagesDeps['partitioner'] = ({ partitionMetadata, message }) =>
      Number(message.key) % partitionMetadata.length;
    const send = sendOver(cluster, fakeEos(), byCount);

    await send({ topicMessages: [{ topic: 't', messages: [{ key: '3', value: 'x' }] }] });

    expect(sent(calls)).toEqual([
      [1, [1]],
      [1, [1]],
    ]);
  });

  it('given a transaction, when sent over two brokers and retried, then each attempt registers its pending partitions with one AddPartitionsToTxn', async () => {
    const calls: ProduceCall[] = [];
    const brokers = new Map([
      [1, fakeBroker(1, calls, async () => {})],
      [
        2,
        fakeBroker(2, calls, (n) =>
          n === 0 ? Promise.reject(retriable('REQUEST_TIMED_OUT')) : Promise.resolve(),
        ),
      ],
    ]);
    const cluster = fakeCluster({ e: [1, 2], s: [2] }, brokers);
    const eos = fakeEos(true);
    const send = sendOver(cluster, eos);

    await send({
      topicMessages: [
        { topic: 'e', messages: messages([0, 1]) },
        { topic: 's', messages: messages([0]) },
      ],
    });

    const registered = eos.added.map((topicData) =>
      topicData.flatMap(({ topic, partitions }) => partitions.map((p) => `${topic}${p.partition}`)),
    );
    expect(registered).toEqual([
      ['e0', 'e1', 's0'],
      ['e1', 's0'],
    ]);
  });

  it('given an answer that no retry fixes, when sent, then the send fails at once with it', async () => {
    const calls: ProduceCall[] = [];
    const fatal = Object.assign(new Error('fenced'), {
      name: 'KafkaJSProtocolError',
      retriable: false,
    });
    const brokers = new Map([[1, fakeBroker(1, calls, () => Promise.reject(fatal))]]);
    const send = sendOver(fakeCluster({ t: [1] }, brokers));

    await expect(send({ topicMessages: [{ topic: 't', messages: messages([0]) }] })).rejects.toBe(
      fatal,
    );
    expect(calls).toHaveLength(1);
  });
});
