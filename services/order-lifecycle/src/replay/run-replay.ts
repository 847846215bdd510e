import type { ClawbackConfig } from '@clawback/config';
import { createKafkaClient, type TopicNames } from '@clawback/kafka';
import type { Logger } from '@clawback/logging';
import { AvroRegistry } from '@clawback/schema-registry';
import type { NormalizeOptionsFor } from '../records/to-partition-records';
import { startOrderLifecycle } from '../service/start-order-lifecycle';
import type { LifecycleSettings } from '../settings/lifecycle-settings';
import { compareEvents, comparisonLines, type EventComparison } from './compare-events';
import { readEvents } from './read-events';
import { followProgress, holdsRecordsOn, partitionsDone } from './replay-offsets';
import { provisionReplayTopics, replayTopics } from './replay-topics';

/** What {@link runReplay} needs. */
export interface ReplayOptions {
  readonly config: Pick<ClawbackConfig, 'kafka' | 'schemaRegistry' | 'redis'>;
  /** The live consumer's settings: its raw topic, events topic, group and orphan horizon. */
  readonly source: LifecycleSettings;
  readonly targetPrefix: string;
  readonly compare: boolean;
  readonly logger: Logger;
  /** Progress and result lines. */
  readonly write: (line: string) => void;
  readonly progressIntervalMs?: number;
  /** The live consumer's per-merchant normalization (same merchants file), if any. */
  readonly normalizeOptionsFor?: NormalizeOptionsFor;
}

/** What a replay did. */
export interface ReplayResult {
  readonly topics: TopicNames;
  readonly records: bigint;
  readonly comparison?: EventComparison;
}

/**
 * Rebuilds the lifecycle from `payments.notifications.raw` into fresh topics (events, state,
 * dead letters), a fresh consumer group and a fresh Redis key prefix, up to the raw topic's end
 * as it is when the replay starts; then, if asked, compares the replayed events with the
 * originals. Uses the very same consumer as the live service, so it proves what it claims:
 * the log alone determines the events, byte for byte.
 */
export async function runReplay(options: ReplayOptions): Promise<ReplayResult> {
  const { config, source, targetPrefix, write } = options;
  const kafka = createKafkaClient(config.kafka, { clientId: `${targetPrefix}-replay` });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(source.topics.notificationsRaw);
    const stopAt = Object.fromEntries(ends.map(({ partition, high }) => [partition, high]));
    const topics = replayTopics(source.topics, targetPrefix);
    await provisionReplayTopics(admin, config.kafka, topics, ends.length);
    const settings: LifecycleSettings = {
      ...source,
      topics,
      groupId: `${targetPrefix}-order-lifecycle`,
      transactionalIdPrefix: targetPrefix,
      stopAt,
    };
    write(
      `replay of ${source.topics.notificationsRaw} into ${topics.lifecycleEvents}, ${topics.lifecycleState}`,
    );
    const lifecycle = await startOrderLifecycle({
      config,
      settings,
      logger: options.logger,
      redisKeyPrefix: `${config.redis.keyPrefix}${targetPrefix}:`,
      ...(options.normalizeOptionsFor && { normalizeOptionsFor: options.normalizeOptionsFor }),
    });
    let records: bigint;
    try {
      records = await followProgress(
        admin,
        settings,
        ends,
        write,
        options.progressIntervalMs ?? 1000,
        holdsRecordsOn(kafka, source.topics.notificationsRaw, `${targetPrefix}-tail`),
      );
    } finally {
      await lifecycle.stop();
    }
    if (!options.compare) return { topics, records };
    const registry = new AvroRegistry(config.schemaRegistry);
    const originalDone = await partitionsDone(
      admin,
      source.groupId,
      source.topics.notificationsRaw,
      stopAt,
    );
    const comparison = compareEvents(
      await readEvents(kafka, admin, registry, topics.lifecycleEvents, `${targetPrefix}-read`),
      await readEvents(
        kafka,
        admin,
        registry,
        source.topics.lifecycleEvents,
        `${targetPrefix}-read`,
      ),
      originalDone,
    );
    for (const line of comparisonLines(comparison)) write(line);
    return { topics, records, comparison };
  } finally {
    await admin.disconnect();
  }
}
