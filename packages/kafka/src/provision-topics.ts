// Before kafkajs loads: its producers then send through send-per-broker.ts.
import './send-per-broker-install';
import { type Admin, ConfigResourceTypes } from 'kafkajs';
import { KafkaError, toKafkaError } from './kafka-error';
import type { TopicDefinition } from './topic-catalogue';

/** What happened to one topic during provisioning. */
export type TopicProvisioned =
  | { readonly type: 'TopicCreated'; readonly topic: string; readonly partitions: number }
  | { readonly type: 'TopicUpToDate'; readonly topic: string }
  | {
      readonly type: 'TopicConfigUpdated';
      readonly topic: string;
      readonly changed: readonly string[];
    };

/** Options for {@link provisionTopics}. */
export interface ProvisionTopicsOptions {
  /** Called after each topic, for progress output. */
  readonly onProgress?: (event: TopicProvisioned) => void;
  /** How long new topics may take to get partition leaders. Default 30 s. */
  readonly leaderTimeoutMs?: number;
}

/**
 * Creates missing topics and brings existing topics' configs to the catalogue's values;
 * running it again changes nothing. Partition counts are never changed on existing topics
 * (that would move order keys to other partitions and break per-order ordering): a mismatch
 * is an error for an operator to resolve.
 *
 * @throws KafkaError `kafka_topic_mismatch` on a partition-count mismatch, or a mapped kafkajs error.
 */
export async function provisionTopics(
  admin: Admin,
  topics: readonly TopicDefinition[],
  options: ProvisionTopicsOptions = {},
): Promise<readonly TopicProvisioned[]> {
  const results: TopicProvisioned[] = [];
  const report = (event: TopicProvisioned): void => {
    results.push(event);
    options.onProgress?.(event);
  };
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic.name));
    if (missing.length > 0) {
      // createTopics answers false (no error) for topics another provisioner created meanwhile.
      // Its own waitForLeaders gives up on the UNKNOWN_TOPIC_OR_PARTITION that a KRaft broker
      // answers for a moment after creation (on a three-broker cluster it failed the suite's
      // provisioning), hence off, and our own wait.
      await admin.createTopics({ topics: missing.map(toTopicConfig), waitForLeaders: false });
      await waitForLeaders(admin, missing, options.leaderTimeoutMs ?? 30000);
      for (const topic of missing) {
        report({ type: 'TopicCreated', topic: topic.name, partitions: topic.partitions });
      }
    }
    const present = topics.filter((topic) => existing.has(topic.name));
    if (present.length > 0) {
      await checkPartitions(admin, present);
      for (const topic of present) report(await reconcileConfigs(admin, topic));
    }
  } catch (error) {
    throw toKafkaError(error, 'provisioning topics');
  }
  return results;
}

/** Deletes topics; for tests and teardown. Missing topics are ignored. */
export async function deleteTopics(admin: Admin, names: readonly string[]): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const present = names.filter((name) => existing.has(name));
  if (present.length > 0) await admin.deleteTopics({ topics: present });
}

/** Waits until every partition of the topics has a leader, i.e. the topics are usable. */
async function waitForLeaders(
  admin: Admin,
  topics: readonly TopicDefinition[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const names = topics.map((topic) => topic.name);
  for (;;) {
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics: names });
      const ready = topics.every((topic) => {
        const partitions = found.find((t) => t.name === topic.name)?.partitions ?? [];
        return partitions.length === topic.partitions && partitions.every((p) => p.leader >= 0);
      });
      if (ready) return;
    } catch (error) {
      if (!toKafkaError(error).retriable || Date.now() >= deadline) throw error;
    }
    if (Date.now() >= deadline) {
      throw new KafkaError(
        'kafka_timeout',
        `topics ${names.join(', ')} got no leaders in ${timeoutMs} ms`,
        {
          retriable: true,
        },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function toTopicConfig(topic: TopicDefinition) {
  return {
    topic: topic.name,
    numPartitions: topic.partitions,
    replicationFactor: topic.replicationFactor,
    configEntries: Object.entries(topic.configs).map(([name, value]) => ({ name, value })),
  };
}

async function checkPartitions(admin: Admin, topics: readonly TopicDefinition[]): Promise<void> {
  const metadata = await admin.fetchTopicMetadata({ topics: topics.map((topic) => topic.name) });
  for (const topic of topics) {
    const actual = metadata.topics.find((t) => t.name === topic.name)?.partitions.length;
    if (actual !== topic.partitions) {
      throw new KafkaError(
        'kafka_topic_mismatch',
        `topic ${topic.name} has ${actual} partitions, the catalogue says ${topic.partitions}; ` +
          'changing it would reorder keys, so it is left to an operator',
        { retriable: false },
      );
    }
  }
}

async function reconcileConfigs(admin: Admin, topic: TopicDefinition): Promise<TopicProvisioned> {
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: [
      {
        type: ConfigResourceTypes.TOPIC,
        name: topic.name,
        configNames: Object.keys(topic.configs),
      },
    ],
  });
  const actual = new Map(
    (described.resources[0]?.configEntries ?? []).map((e) => [e.configName, e.configValue]),
  );
  const changed = Object.entries(topic.configs)
    .filter(([name, value]) => actual.get(name) !== value)
    .map(([name]) => name);
  if (changed.length === 0) return { type: 'TopicUpToDate', topic: topic.name };
  // AlterConfigs (not incremental) replaces the topic's whole dynamic config with this set,
  // which is exactly the declared state.
  await admin.alterConfigs({
    validateOnly: false,
    resources: [
      {
        type: ConfigResourceTypes.TOPIC,
        name: topic.name,
        configEntries: Object.entries(topic.configs).map(([name, value]) => ({ name, value })),
      },
    ],
  });
  return { type: 'TopicConfigUpdated', topic: topic.name, changed };
}
