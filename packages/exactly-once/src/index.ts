export { isExactlyOnceError, type ExactlyOnceErrorCode } from './exactly-once-error';
export {
  commitTransaction,
  defaultConcurrentRetry,
  type TopicMessages,
} from './commit-transaction';
// The consumer skeleton: services declare themselves to startConsumerService; the consumer
// and its supervisor underneath are this package's own.
export type { Heartbeat, PartitionTask } from './partition-task-consumer';
export {
  startConsumerService,
  type ConsumerServiceInputs,
  type ServiceReadiness,
} from './consumer-service';
export {
  committedPosition,
  committedPositions,
  type CommittedPosition,
} from './committed-position';
export { readPartitionRange } from './read-partition-range';
export { assertCoPartitioned } from './partition-counts';
export { serviceEnvironment } from './service-environment';
