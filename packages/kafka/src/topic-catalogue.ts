import { type TopicKey, type TopicNames, topicKeys } from './topic-names';

/** A topic as we create it. */
export interface TopicDefinition {
  readonly key: TopicKey;
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Topic-level configs (`cleanup.policy`, `retention.ms`, ...), all as strings. */
  readonly configs: Readonly<Record<string, string>>;
}

/** How a topic is shaped, independent of the environment. */
interface TopicShape {
  readonly partitions: number;
  readonly configs: Readonly<Record<string, string>>;
}

const forever = { 'cleanup.policy': 'delete', 'retention.ms': '-1', 'retention.bytes': '-1' };

/**
 * Partitions and retention per topic, with the reason for each. Raw, events and both state
 * topics have the same partition count so that one order lands on the same partition number
 * everywhere.
 */
const shapes: Readonly<Record<TopicKey, TopicShape>> = {
  // The source of truth: the lifecycle is rebuilt from it, so it is never deleted.
  // 1 MiB matches the ingress body limit plus envelope.
  notificationsRaw: { partitions: 12, configs: { ...forever, 'max.message.bytes': '1048576' } },
  // A dead letter is a provider fact not yet applied; it waits for an operator, however long.
  notificationsDlq: { partitions: 3, configs: { ...forever, 'max.message.bytes': '1048576' } },
  // Downstream ledgers and analytics replay it; it is cheaper to keep than to re-derive.
  lifecycleEvents: { partitions: 12, configs: forever },
  // Only the latest snapshot per order matters. Short segments so compaction actually runs.
  lifecycleState: {
    partitions: 12,
    configs: {
      'cleanup.policy': 'compact',
      'segment.ms': '86400000',
      'min.compaction.lag.ms': '0',
    },
  },
  // The affiliate ledger in Redis is a projection rebuilt from this topic.
  commissionAdjustments: { partitions: 6, configs: forever },
  // commission-reversals' per-order state, restored per input partition on assignment: it has
  // the events topic's partition count (co-partitioned) and only the latest value per order.
  commissionState: {
    partitions: 12,
    configs: {
      'cleanup.policy': 'compact',
      'segment.ms': '86400000',
      'min.compaction.lag.ms': '0',
    },
  },
  // "Cancelled once" after a Redis wipe is restored from this topic.
  cancellations: { partitions: 6, configs: forever },
  // Exhausted cancellations wait for an operator to re-drive them.
  cancellationsDlq: { partitions: 3, configs: forever },
  // Redrive commands: kept, because the service reads them back to redrive a dead letter once.
  cancellationsRedrive: { partitions: 3, configs: forever },
};

/** Environment-dependent settings of the catalogue. */
export interface CatalogueOptions {
  readonly names: TopicNames;
  readonly replicationFactor: number;
  /** `min.insync.replicas`; with acks=all a write needs this many copies. */
  readonly minInSyncReplicas: number;
  /** Overrides every topic's partition count (tests use few partitions to stay fast). */
  readonly partitions?: number;
}

/** Every topic in DESIGN.md, shaped for the given environment. */
export function topicCatalogue(options: CatalogueOptions): readonly TopicDefinition[] {
  if (options.minInSyncReplicas > options.replicationFactor) {
    throw new RangeError('minInSyncReplicas must not exceed replicationFactor');
  }
  return topicKeys.map((key) => ({
    key,
    name: options.names[key],
    partitions: options.partitions ?? shapes[key].partitions,
    replicationFactor: options.replicationFactor,
    configs: { ...shapes[key].configs, 'min.insync.replicas': String(options.minInSyncReplicas) },
  }));
}
