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
export {
  superviseConsumer,
  type SupervisedConsumer,
  type SuperviseOptions,
  type Supervisor,
} from './supervise-consumer';
export {
  createPartitionTaskConsumer,
  type Heartbeat,
  type PartitionTask,
  type PartitionTaskConsumerOptions,
} from './partition-task-consumer';
export {
  supervisePartitionTasks,
  type MetricLabels,
  type PartitionTaskMetrics,
  type PartitionTaskSettings,
  type PartitionTasksDefinition,
} from './supervise-partition-tasks';
export {
  startConsumerService,
  type ConsumerDeclaration,
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
