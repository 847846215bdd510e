// Before kafkajs loads: its producers then send through send-per-broker.ts.
import './send-per-broker-install';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { sendingPerPartition } from './per-partition-sends';
import { sendPerBrokerBuilt } from './send-per-broker-install';

/**
 * Keyed records go to murmur2(key) mod partitions, as Java's producer does, so an order's
 * records land in the partition every other client expects. This is kafkajs's default since
 * v2; naming it explicitly also silences the warning kafkajs logs about that change on every
 * producer it builds.
 */
const keyPartitioner = Partitioners.DefaultPartitioner;

/**
 * `build()`'s producer as it is when its sends go through `send-per-broker.ts` (safe with one
 * request per broker), else wrapped to send one request per topic-partition, which is safe
 * with kafkajs's own `sendMessages` too (ADR 0004).
 */
function withSafeSends(
  build: () => Producer,
  perPartition: (producer: Producer) => Producer,
): Producer {
  const before = sendPerBrokerBuilt();
  const producer = build();
  return sendPerBrokerBuilt() > before ? producer : perPartition(producer);
}

/**
 * A producer for "answer only once Kafka has it" writes (the ingress): idempotent, so broker
 * retries never duplicate a record; kafkajs sends with acks=-1 (all in-sync replicas) by
 * default and warns if a caller lowers it. One request in flight, because kafkajs's sequence
 * numbering under concurrent in-flight requests has lost or rejected records
 * (tulios/kafkajs#598, #1005).
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  const build = () =>
    kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: keyPartitioner,
    });
  return withSafeSends(build, (producer) => sendingPerPartition(producer, kafka));
}

/**
 * The transactional id for the producer that handles one input partition. kafkajs speaks the
 * pre-KIP-447 protocol (no consumer-group fencing), so fencing of a zombie instance relies on
 * the new owner of a partition initialising the same transactional id: the broker then bumps
 * the epoch and rejects the zombie's commit.
 */
export function transactionalIdFor(prefix: string, topic: string, partition: number): string {
  if (!Number.isSafeInteger(partition) || partition < 0) {
    throw new RangeError(`invalid partition ${partition}`);
  }
  return `${prefix}-${topic}-${partition}`;
}

/** Options for {@link createTransactionalProducer}. */
export interface TransactionalProducerOptions {
  readonly transactionalId: string;
  /** Broker aborts a transaction left open this long (a crashed process). Default 60 s. */
  readonly transactionTimeoutMs?: number;
}

/** A transactional producer: idempotent, one request in flight, as kafkajs requires for EOS. */
export function createTransactionalProducer(
  kafka: Kafka,
  options: TransactionalProducerOptions,
): Producer {
  const build = () =>
    kafka.producer({
      transactionalId: options.transactionalId,
      transactionTimeout: options.transactionTimeoutMs ?? 60000,
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: keyPartitioner,
    });
  return withSafeSends(build, (producer) =>
    sendingPerPartition(producer, kafka, options.transactionalId),
  );
}

/**
 * Registers the producer's transactional id with the coordinator now, fencing any older
 * producer with the same id (its open transaction is aborted, its next commit fails with
 * `kafka_producer_fenced`); like Java's `initTransactions()`. kafkajs only does this lazily
 * on the first `transaction()`, not on `connect()`, which would leave a zombie able to
 * commit until the new owner's first transaction. Call it right after `connect()`, before
 * reading the input partition's committed offset.
 */
export async function initTransactions(producer: Producer): Promise<void> {
  // An empty transaction: kafkajs sends InitProducerId and, with nothing added, no EndTxn.
  const transaction = await producer.transaction();
  await transaction.abort();
}
