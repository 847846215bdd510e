import {
  type Supervisor,
  createPartitionTaskConsumer,
  superviseConsumer,
} from '@clawback/exactly-once';
import type { ConsumerDeps } from './consumer-deps';
import { PartitionSession } from './partition-session';

/**
 * The supervised consumer of `orders.lifecycle.events`: `read_committed`, offsets committed
 * only inside the slice transactions, one {@link PartitionSession} per input partition, reopened
 * (and fenced) after every rebalance; restarted when kafkajs gives up on it.
 */
export function superviseCancellationsConsumer(deps: ConsumerDeps): Supervisor {
  const { settings, logger, metrics } = deps;
  return superviseConsumer({
    logger,
    onRestart: () => metrics.restarts.inc(),
    create: (onFatal) =>
      createPartitionTaskConsumer({
        kafka: deps.kafka,
        topic: settings.topics.lifecycleEvents,
        groupId: settings.groupId,
        sessionTimeoutMs: settings.sessionTimeoutMs,
        partitionConcurrency: settings.partitionConcurrency,
        openTask: (partition) => PartitionSession.open(deps, partition),
        logger,
        onFatal,
        onProgress: (partition, position, highWatermark) => {
          const lag = BigInt(highWatermark) - BigInt(position);
          metrics.consumerLag.set({ partition }, Number(lag > 0n ? lag : 0n));
        },
        onClosed: (partition) => metrics.consumerLag.remove({ partition }),
      }),
  });
}
