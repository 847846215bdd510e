import {
  createPartitionTaskConsumer,
  superviseConsumer,
  type Supervisor,
} from '@clawback/exactly-once';
import { PartitionTask } from './partition-task';
import type { PartitionTaskDeps } from './partition-task-deps';

/**
 * The order lifecycle's consumer group member, kept running across kafkajs crashes: `eachBatch`
 * with `read_committed`, offsets committed only inside the batch transactions, and one
 * {@link PartitionTask} per input partition, opened at its first batch and closed at every
 * rebalance (a task reopened after a rebalance fences whoever held the partition meanwhile and
 * re-reads everything from committed data, so keeping nothing across generations is both
 * simple and safe). A replay stops each partition at `settings.stopAt`.
 */
export function superviseLifecycleConsumer(deps: PartitionTaskDeps): Supervisor {
  const { settings, logger, metrics } = deps;
  return superviseConsumer({
    logger,
    onRestart: () => metrics.restarts.inc(),
    create: (onFatal) =>
      createPartitionTaskConsumer({
        kafka: deps.kafka,
        topic: settings.topics.notificationsRaw,
        groupId: settings.groupId,
        autoCommit: false,
        sessionTimeoutMs: settings.sessionTimeoutMs,
        maxBytesPerPartition: settings.maxBatchBytes,
        partitionConcurrency: settings.concurrency,
        openTask: (partition, heartbeat) => PartitionTask.open(deps, partition, heartbeat),
        logger,
        onFatal,
        onProgress: (partition, position, highWatermark) => {
          const lag = BigInt(highWatermark) - BigInt(position);
          metrics.consumerLag.set({ partition }, Number(lag > 0n ? lag : 0n));
        },
        onClosed: (partition) => {
          metrics.parkedOrders.remove({ partition });
          metrics.consumerLag.remove({ partition });
        },
        ...(settings.stopAt && { stopAt: settings.stopAt }),
      }),
  });
}
