import {
  createPartitionTaskConsumer,
  superviseConsumer,
  type Supervisor,
} from '@clawback/exactly-once';
import type { KafkaClient } from '@clawback/kafka';
import type { DeciderDeps } from '../decider/decider-deps';
import { DeciderTask } from '../decider/decider-task';
import { type LedgerDeps, LedgerTask } from '../ledger/ledger-task';
import type { CommissionMetrics } from '../metrics/commission-metrics';
import { type CommissionSettings, ledgerGroupId } from '../settings/commission-settings';

/** Lag and restart metrics of one of the two consumers. */
function observed(metrics: CommissionMetrics, consumer: 'decider' | 'ledger') {
  return {
    onRestart: () => metrics.restarts.inc({ consumer }),
    onProgress: (partition: number, position: string, highWatermark: string) => {
      const lag = BigInt(highWatermark) - BigInt(position);
      metrics.consumerLag.set({ consumer, partition }, Number(lag > 0n ? lag : 0n));
    },
    onClosed: (partition: number) => metrics.consumerLag.remove({ consumer, partition }),
  };
}

/**
 * The decider: exactly once on `orders.lifecycle.events`, offsets committed only inside its
 * transactions, kept running across kafkajs crashes.
 */
export function deciderConsumer(deps: DeciderDeps): Supervisor {
  const { settings, logger } = deps;
  const { onRestart, onProgress, onClosed } = observed(deps.metrics, 'decider');
  return superviseConsumer({
    logger,
    onRestart,
    create: (onFatal) =>
      createPartitionTaskConsumer({
        kafka: deps.kafka,
        topic: settings.topics.lifecycleEvents,
        groupId: settings.groupId,
        sessionTimeoutMs: settings.sessionTimeoutMs,
        maxBytesPerPartition: settings.maxBatchBytes,
        partitionConcurrency: settings.partitionConcurrency,
        openTask: (partition, heartbeat) => DeciderTask.open(deps, partition, heartbeat),
        logger,
        onFatal,
        onProgress,
        onClosed,
      }),
  });
}

/**
 * The ledger projector on `affiliates.commission.adjustments`: its own group, its positions
 * kept in Redis with the ledger, never in Kafka. kafkajs therefore starts every assignment at
 * the partition's beginning, and each task moves it to where the ledger stands (or keeps it
 * there when the ledger is new or was wiped).
 */
export function ledgerConsumer(
  kafka: KafkaClient,
  settings: CommissionSettings,
  deps: LedgerDeps,
): Supervisor {
  const { onRestart, onProgress, onClosed } = observed(deps.metrics, 'ledger');
  return superviseConsumer({
    logger: deps.logger,
    onRestart,
    create: (onFatal) =>
      createPartitionTaskConsumer({
        kafka,
        topic: deps.topic,
        groupId: ledgerGroupId(settings),
        sessionTimeoutMs: settings.sessionTimeoutMs,
        maxBytesPerPartition: settings.maxBatchBytes,
        partitionConcurrency: settings.partitionConcurrency,
        openTask: (partition) => LedgerTask.open(deps, partition),
        logger: deps.logger,
        onFatal,
        onProgress,
        onClosed,
      }),
  });
}
