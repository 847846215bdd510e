export { createKafkaClient, kafkaJsConfig, type KafkaClientOptions } from './client';
export { kafkajsLevel, pinoLogCreator } from './log-creator';
export { KafkaError, toKafkaError, type KafkaErrorCode } from './kafka-error';
export {
  baseTopicNames,
  topicKeys,
  topicNames,
  type TopicKey,
  type TopicNames,
} from './topic-names';
export { topicCatalogue, type CatalogueOptions, type TopicDefinition } from './topic-catalogue';
export {
  deleteTopics,
  provisionTopics,
  type ProvisionTopicsOptions,
  type TopicProvisioned,
} from './provision-topics';
export {
  createIdempotentProducer,
  createTransactionalProducer,
  initTransactions,
  transactionalIdFor,
  type TransactionalProducerOptions,
} from './producers';
export { PartitionProducers } from './partition-producers';
export { createConsumer, watchConsumerCrashes, type ConsumerOptions } from './consumer';
export {
  createShutdown,
  onShutdown,
  type Closer,
  type Shutdown,
  type ShutdownOptions,
  type SignalSource,
} from './shutdown';
export { kafkaReadiness } from './readiness';
export { partitionOfKey } from './key-partition';
/**
 * The client types services use, re-exported so that only this package imports kafkajs; a
 * replacement client with a KafkaJS-style API changes these lines, not the services.
 */
export type {
  Admin,
  Consumer,
  EachBatchPayload,
  EachMessagePayload,
  IHeaders,
  Kafka as KafkaClient,
  KafkaMessage,
  Message,
  Producer,
  RecordMetadata,
  Transaction,
  PartitionAssigner,
} from 'kafkajs';
/** For private consumer groups that read chosen partitions (kafkajs has no manual assign). */
export { AssignerProtocol } from 'kafkajs';
/** Config resource types for `admin.describeConfigs` (topic settings checks). */
export { ConfigResourceTypes } from 'kafkajs';
