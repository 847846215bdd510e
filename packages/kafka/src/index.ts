// Before kafkajs loads: its producers then send through send-per-broker.ts.
import './send-per-broker-install';
export { createKafkaClient } from './client';
export { toKafkaError } from './kafka-error';
export {
  baseTopicNames,
  topicKeys,
  topicNames,
  type TopicKey,
  type TopicNames,
} from './topic-names';
export { topicCatalogue } from './topic-catalogue';
export { deleteTopics, provisionTopics, type TopicProvisioned } from './provision-topics';
export {
  createIdempotentProducer,
  createTransactionalProducer,
  initTransactions,
  transactionalIdFor,
} from './producers';
export { PartitionProducers } from './partition-producers';
export { watchConsumerCrashes } from './consumer';
export { kafkaReadiness } from './readiness';
export { checkKafkaAccessOrExit } from './kafka-access';
export { partitionOfKey } from './key-partition';
export { partitionCounts, type PartitionCountOf } from './per-partition-sends';
export { withKafkajsOwnSends } from './send-per-broker-install';
/**
 * The client types services use, re-exported so that only this package imports kafkajs; a
 * replacement client with a KafkaJS-style API changes these lines, not the services.
 */
export type {
  Admin,
  EachBatchPayload,
  Kafka as KafkaClient,
  KafkaMessage,
  Message,
  Producer,
  RecordMetadata,
  PartitionAssigner,
} from 'kafkajs';
/** For private consumer groups that read chosen partitions (kafkajs has no manual assign). */
export { AssignerProtocol } from 'kafkajs';
/** Config resource types for `admin.describeConfigs` (topic settings checks). */
export { ConfigResourceTypes } from 'kafkajs';
