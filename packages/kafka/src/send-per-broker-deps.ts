/**
 * What kafkajs 2.2.4's message producer hands its `sendMessages` factory, typed as far as
 * `send-per-broker.ts` uses it.
 */

import type { Message, PartitionMetadata } from 'kafkajs';

/** kafkajs's logger, as the producer hands it over. */
interface KafkajsLogger {
  error(message: string, extra?: object): void;
  debug(message: string, extra?: object): void;
}

/** The part of a kafkajs broker used here. */
export interface ProducingBroker {
  readonly nodeId: number;
  produce(request: object): Promise<unknown>;
}

/** The part of kafkajs's cluster used here. */
export interface ProducingCluster {
  addMultipleTargetTopics(topics: string[]): Promise<void>;
  refreshMetadataIfNecessary(): Promise<void>;
  refreshMetadata(): Promise<void>;
  findTopicPartitionMetadata(topic: string): PartitionMetadata[];
  findBroker(query: { nodeId: string }): Promise<ProducingBroker>;
  isConnected(): boolean;
  connect(): Promise<void>;
  removeBroker(address: { host: string; port: number }): void;
}

/** One topic's partitions as Produce and AddPartitionsToTxn take them. */
export interface TopicData {
  readonly topic: string;
  readonly partitions: { partition: number; messages: Message[]; firstSequence?: number }[];
}

/** The part of kafkajs's EOS manager (sequence numbers, transactions) used here. */
export interface ProducingEosManager {
  isTransactional(): boolean;
  getTransactionalId(): string;
  getProducerId(): number;
  getProducerEpoch(): number;
  acquireBrokerLock(broker: ProducingBroker): Promise<void>;
  releaseBrokerLock(broker: ProducingBroker): void;
  addPartitionsToTransaction(topicData: TopicData[]): Promise<void>;
  getSequence(topic: string, partition: number): number;
  updateSequence(topic: string, partition: number, increment: number): void;
}

type Attempt<T> = (bail: (error: unknown) => void, retryCount: number, retryTime: number) => T;

/** What kafkajs's message producer passes to its `sendMessages` factory. */
export interface SendMessagesDeps {
  readonly logger: KafkajsLogger;
  readonly cluster: ProducingCluster;
  readonly partitioner: (args: {
    topic: string;
    partitionMetadata: PartitionMetadata[];
    message: Message;
  }) => number;
  readonly eosManager: ProducingEosManager;
  readonly retrier: <T>(attempt: Attempt<Promise<T>>) => Promise<T>;
}

/** One call of `sendMessages`. */
export interface SendMessagesRequest {
  readonly acks?: number;
  readonly timeout?: number;
  readonly compression?: number;
  readonly topicMessages: readonly { readonly topic: string; readonly messages: Message[] }[];
}
