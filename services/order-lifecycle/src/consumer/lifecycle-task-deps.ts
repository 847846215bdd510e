import type { Admin, KafkaClient, PartitionProducers } from '@clawback/kafka';
import type { Logger } from '@clawback/logging';
import type { Redis } from '@clawback/redis';
import type { LifecycleMetrics } from '../metrics/lifecycle-metrics';
import type { LifecycleCodecs } from '../records/lifecycle-codecs';
import type { NormalizeOptionsFor } from '../records/to-partition-records';
import type { LifecycleSettings } from '../settings/lifecycle-settings';

/** Everything a `LifecyclePartitionTask` uses, shared by all partitions of one consumer. */
export interface LifecycleTaskDeps {
  readonly kafka: KafkaClient;
  /** Connected; used for committed offsets and topic ends. */
  readonly admin: Admin;
  /**
   * One transactional producer per input partition: `<prefix>-order-lifecycle-<raw topic>-<n>`;
   * whoever owns a partition owns its id (fencing).
   */
  readonly producers: PartitionProducers;
  /** Connected, with the deployment's key prefix. */
  readonly redis: Redis;
  readonly codecs: LifecycleCodecs;
  readonly settings: LifecycleSettings;
  /** Whether events go to the input's partition number (equal partition counts). */
  readonly eventsCoPartitioned: boolean;
  readonly normalizeOptionsFor?: NormalizeOptionsFor;
  readonly logger: Logger;
  readonly metrics: LifecycleMetrics;
  /** Wall clock in epoch ms, for latency metrics only (compared with record timestamps); decisions never read it. */
  readonly now: () => number;
}
