export {
  ExactlyOnceError,
  isExactlyOnceError,
  type ExactlyOnceErrorCode,
} from './exactly-once-error';
export {
  commitTransaction,
  defaultConcurrentRetry,
  type ConcurrentTransactionsRetry,
  type ConsumedOffset,
  type TopicMessages,
  type TransactionalWrite,
} from './commit-transaction';
export { SerialLanes } from './serial-lanes';
// The consumer skeleton: services declare themselves to startConsumerService; the consumer
// and its supervisor underneath are this package's own.
export type { Supervisor } from './supervise-consumer';
export type { Heartbeat, PartitionTask } from './partition-task-consumer';
export {
  type MetricLabels,
  type PartitionTaskMetrics,
  type PartitionTaskSettings,
  type PartitionTasksDefinition,
} from './supervise-partition-tasks';
export {
  startConsumerService,
  type ConsumerDeclaration,
  type ConsumerServiceInputs,
  type ConsumerServiceOptions,
  type RunningConsumerService,
  type ServiceParts,
  type ServiceReadiness,
} from './consumer-service';
export {
  committedPosition,
  committedPositions,
  type CommittedPosition,
} from './committed-position';
export {
  readPartitionRange,
  type PartitionRange,
  type ReadPartitionOptions,
} from './read-partition-range';
export { fixedPartitionsAssigner } from './fixed-partitions-assigner';
export { assertCoPartitioned } from './partition-counts';
export { serviceEnvironment, type ServiceEnvironment } from './service-environment';
