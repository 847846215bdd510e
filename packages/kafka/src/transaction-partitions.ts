/**
 * Registers all of a transactional send's partitions with one `AddPartitionsToTxn`. A send is
 * split into one request per topic-partition (`per-partition-sends.ts`), and kafkajs 2.2.4
 * registers each part's partition with a request of its own before the part's `Produce`, one
 * part after the other (they share the broker lock): a transaction that writes an event and
 * a snapshot paid two `AddPartitionsToTxn` round trips. Java's producer registers every new
 * partition of a transaction in one request; so does this, announced by the send wrapper.
 *
 * Scope: what the coordinator already registered is remembered per transactional id until
 * the transaction ends (`EndTxn`, sent or failed) or the id is
 * re-initialised (`InitProducerId`); a failed `AddPartitionsToTxn` forgets everything of its
 * id. kafkajs's own bookkeeping (which partitions this transaction has added) is unchanged: a
 * partition registered ahead is answered at once when kafkajs asks for it, as kafkajs itself
 * skips a partition it added earlier in the same transaction. Registering a partition that is
 * then not written is allowed by the protocol: the commit or abort writes a marker there.
 */

import { refuseUnlessPatchable } from './kafkajs-patch-guard';

/** Partitions of one topic, as kafkajs's `AddPartitionsToTxn` takes them. */
export interface TopicPartitions {
  readonly topic: string;
  readonly partitions: readonly number[];
}

/** The fields of kafkajs's transactional broker requests used here. */
interface TxnRequest {
  readonly transactionalId?: string;
  readonly topics?: readonly TopicPartitions[];
}

interface Open {
  /** `topic\0partition` of what the coordinator registered in this transaction. */
  readonly registered: Set<string>;
  announced: readonly TopicPartitions[];
}

const id = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/** Per transactional id: what the current transaction registered, and what is announced. */
export class TransactionPartitions {
  private readonly open = new Map<string, Open>();

  /** The next `AddPartitionsToTxn` of `transactionalId` also registers `topics`. */
  announce(transactionalId: string, topics: readonly TopicPartitions[]): void {
    this.entryOf(transactionalId).announced = topics;
  }

  /**
   * The partitions a request should register: none when every partition it names is already
   * registered (answer it without a request), else its own and the announced ones not yet
   * registered.
   */
  toRegister(transactionalId: string, requested: readonly TopicPartitions[]): TopicPartitions[] {
    const { registered, announced } = this.entryOf(transactionalId);
    const isNew = (topic: string, p: number) => !registered.has(id(topic, p));
    if (!requested.some(({ topic, partitions }) => partitions.some((p) => isNew(topic, p)))) {
      return [];
    }
    const merged = new Map<string, Set<number>>();
    for (const { topic, partitions } of [...requested, ...announced]) {
      for (const p of partitions.filter((q) => isNew(topic, q))) {
        const set = merged.get(topic) ?? new Set<number>();
        merged.set(topic, set.add(p));
      }
    }
    return [...merged].map(([topic, partitions]) => ({ topic, partitions: [...partitions] }));
  }

  /** The coordinator registered `topics` in the current transaction of `transactionalId`. */
  registered(transactionalId: string, topics: readonly TopicPartitions[]): void {
    const entry = this.entryOf(transactionalId);
    for (const { topic, partitions } of topics) {
      for (const p of partitions) entry.registered.add(id(topic, p));
    }
    entry.announced = [];
  }

  /** The transaction of `transactionalId` ended, failed or was re-initialised. */
  forget(transactionalId: string): void {
    this.open.delete(transactionalId);
  }

  private entryOf(transactionalId: string): Open {
    let entry = this.open.get(transactionalId);
    if (!entry) this.open.set(transactionalId, (entry = { registered: new Set(), announced: [] }));
    return entry;
  }
}

type Request = (request: TxnRequest) => Promise<unknown>;

let installed: TransactionPartitions | undefined;

/**
 * Installs the registration into kafkajs's broker, process-wide and once, and returns the
 * registry to announce to. Refuses another kafkajs than the one it was written for.
 *
 * @throws KafkaError `kafka_client_incompatible` on another kafkajs version or shape
 */
export function installTransactionPartitions(): TransactionPartitions {
  if (installed) return installed;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Broker = require('kafkajs/src/broker') as {
    prototype: Partial<Record<'addPartitionsToTxn' | 'endTxn' | 'initProducerId', Request>>;
  };
  const { addPartitionsToTxn: add, endTxn, initProducerId } = Broker.prototype;
  refuseUnlessPatchable(
    'transaction partition registration',
    'broker addPartitionsToTxn, endTxn, initProducerId',
    !!add && !!endTxn && !!initProducerId,
  );
  const partitions = new TransactionPartitions();
  installed = partitions;
  const forgetting = (send: Request): Request =>
    function forgettingFirst(this: unknown, request) {
      if (request.transactionalId !== undefined) partitions.forget(request.transactionalId);
      return send.call(this, request);
    };
  Broker.prototype.endTxn = forgetting(endTxn);
  Broker.prototype.initProducerId = forgetting(initProducerId);
  Broker.prototype.addPartitionsToTxn = async function registeringAll(this: unknown, request) {
    const { transactionalId } = request;
    if (transactionalId === undefined) return add.call(this, request);
    const topics = partitions.toRegister(transactionalId, request.topics ?? []);
    // kafkajs ignores the answer's value; its errors arrive as exceptions.
    if (topics.length === 0) return { throttleTime: 0, errors: [] };
    try {
      const response = await add.call(this, { ...request, topics });
      partitions.registered(transactionalId, topics);
      return response;
    } catch (error) {
      partitions.forget(transactionalId);
      throw error;
    }
  };
  return partitions;
}
