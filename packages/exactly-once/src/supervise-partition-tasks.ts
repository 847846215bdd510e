import type { KafkaClient, PartitionProducers } from '@clawback/kafka';
import type { Logger } from '@clawback/logging';
import {
  createPartitionTaskConsumer,
  type Heartbeat,
  type PartitionTask,
} from './partition-task-consumer';
import { superviseConsumer, type Supervisor } from './supervise-consumer';

/** Metric label values, e.g. `{ consumer: 'decider' }`. */
type MetricLabels = Readonly<Record<string, string | number>>;

/**
 * The two metrics every partition-task consumer keeps; the services' prom-client counters and
 * gauges fit as they are.
 */
interface PartitionTaskMetrics {
  /** Clean restarts after kafkajs gave up on the consumer. */
  readonly restarts: { inc(): void; inc(labels: MetricLabels): void };
  /** Records between a partition's position and its end, per owned partition. */
  readonly consumerLag: {
    set(labels: MetricLabels, value: number): void;
    remove(labels: MetricLabels): void;
  };
}

/** How a partition-task consumer runs: the same settings in every service. */
interface PartitionTaskSettings {
  /** The group whose committed offsets say how far the input is done. */
  readonly groupId: string;
  /** A member silent for this long loses its partitions. */
  readonly sessionTimeoutMs: number;
  /** Bytes fetched per partition and poll: bounds one batch. kafkajs's default if absent. */
  readonly maxBatchBytes?: number;
  /** Input partitions processed at the same time. */
  readonly partitionConcurrency: number;
}

/** What a service declares to consume one topic with one {@link PartitionTask} per partition. */
export interface PartitionTasksDefinition {
  readonly kafka: KafkaClient;
  /** The input topic. */
  readonly topic: string;
  readonly settings: PartitionTaskSettings;
  /**
   * Fences each partition's previous owner before its task opens: the partition's transactional
   * producer is connected (initialising its id aborts the old owner's open transaction and
   * refuses its later commits), then the task opens and reads committed state that nobody else
   * can move any more; the producer is released when the task closes. The task gets the same
   * producer from `producers.forPartition(topic, partition)`. Absent for a task that writes no
   * Kafka transactions (a projection into Redis).
   */
  readonly producers?: PartitionProducers;
  /** Opens the task of a partition at its first batch after an assignment. */
  readonly openTask: (partition: number, heartbeat: Heartbeat) => Promise<PartitionTask>;
  readonly logger: Logger;
  readonly metrics: PartitionTaskMetrics;
  /** Added to every metric label set, e.g. `{ consumer: 'decider' }` in a two-consumer service. */
  readonly labels?: MetricLabels;
  /** A partition's task was closed (revoked, failed or stopping): drop its per-partition metrics. */
  readonly onClosed?: (partition: number) => void;
  /** Per input partition, the offset at which to stop (exclusive): a replay up to a fixed point. */
  readonly stopAt?: Readonly<Record<number, string>>;
}

/**
 * The consumer skeleton of every exactly-once service: `read_committed`, offsets committed only
 * with the tasks' own writes, one {@link PartitionTask} per input partition, opened (after
 * fencing, see {@link PartitionTasksDefinition.producers}) at its first batch and closed at
 * every rebalance, lag and restarts counted, and the consumer replaced by a fresh one whenever
 * kafkajs gives up on it. The service brings only its task.
 */
export function supervisePartitionTasks(definition: PartitionTasksDefinition): Supervisor {
  const { topic, settings, metrics, logger, producers } = definition;
  const labels = definition.labels ?? {};
  const restarted = definition.labels
    ? () => metrics.restarts.inc(labels)
    : () => metrics.restarts.inc();
  const openTask = producers
    ? fencedOpener(producers, topic, definition.openTask)
    : definition.openTask;
  return superviseConsumer({
    logger,
    onRestart: restarted,
    create: (onFatal) =>
      createPartitionTaskConsumer({
        kafka: definition.kafka,
        topic,
        groupId: settings.groupId,
        sessionTimeoutMs: settings.sessionTimeoutMs,
        ...(settings.maxBatchBytes !== undefined && {
          maxBytesPerPartition: settings.maxBatchBytes,
        }),
        partitionConcurrency: settings.partitionConcurrency,
        openTask,
        logger,
        onFatal,
        onProgress: (partition, position, highWatermark) => {
          const lag = BigInt(highWatermark) - BigInt(position);
          metrics.consumerLag.set({ ...labels, partition }, Number(lag > 0n ? lag : 0n));
        },
        onClosed: (partition) => {
          metrics.consumerLag.remove({ ...labels, partition });
          definition.onClosed?.(partition);
        },
        ...(definition.stopAt && { stopAt: definition.stopAt }),
      }),
  });
}

/** Wraps `open` so that the partition is fenced first and its producer released at close. */
function fencedOpener(
  producers: PartitionProducers,
  topic: string,
  open: PartitionTasksDefinition['openTask'],
): PartitionTasksDefinition['openTask'] {
  const release = (partition: number) => producers.release(topic, partition).catch(() => undefined);
  return async (partition, heartbeat) => {
    await producers.forPartition(topic, partition);
    let task: PartitionTask;
    try {
      task = await open(partition, heartbeat);
    } catch (error) {
      await release(partition);
      throw error;
    }
    return {
      get position() {
        return task.position;
      },
      process: (messages, beat) => task.process(messages, beat),
      close: async () => {
        try {
          await task.close();
        } finally {
          await release(partition);
        }
      },
    };
  };
}
