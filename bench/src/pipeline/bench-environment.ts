import { type ClawbackConfig, type Env, loadConfig } from '@clawback/config';
import {
  type Admin,
  type KafkaClient,
  type TopicKey,
  type TopicNames,
  createKafkaClient,
  deleteTopics,
  provisionTopics,
  topicCatalogue,
  topicKeys,
  topicNames,
} from '@clawback/kafka';
import { createRedisClient, deleteKeysByPrefix, quitRedis } from '@clawback/redis';
import { AvroRegistry, loadSchemaFiles, subjectFor } from '@clawback/schema-registry';

/** Options of {@link openBenchEnvironment}. */
export interface BenchEnvironmentOptions {
  /** Which catalogue topics to create under the run's prefix. */
  readonly topics: readonly TopicKey[];
  /** Partitions per topic; default the catalogue's (12 for raw, events and state). */
  readonly partitions?: number;
  /** Register the raw topic's value schema, as a deployment would before the ingress runs. */
  readonly registerRawSchema?: boolean;
  /** Extra topics (`<id>.<name>`) with the raw topic's partition count, e.g. baseline outputs. */
  readonly extraTopics?: readonly string[];
}

/** One benchmark run's own topics, schema subjects and Redis keys on the local infrastructure. */
export interface BenchEnvironment {
  /** `bench-<name>-<time>`: the topic prefix, group and transactional-id prefix of the run. */
  readonly id: string;
  readonly topics: TopicNames;
  /** Full names of the extra topics, by the short name given. */
  readonly extraTopics: Readonly<Record<string, string>>;
  /** Partitions of the raw topic. */
  readonly partitions: number;
  /** Configuration from the environment, with the run's topic prefix and Redis key prefix. */
  readonly config: Pick<ClawbackConfig, 'kafka' | 'schemaRegistry' | 'redis'>;
  readonly kafka: KafkaClient;
  readonly admin: Admin;
  readonly registry: AvroRegistry;
  /** `<id>-<name>`: a consumer group (or transactional-id prefix) of the run, deleted at the end. */
  groupId(name: string): string;
  /** Topics and groups something else created for the run (a replay's), deleted at the end. */
  alsoDelete(resources: {
    readonly topics?: readonly string[];
    readonly groups?: readonly string[];
  }): void;
  /** The environment a service started for this run reads (topic prefix, Redis keys, quiet logs). */
  env(extra?: Env): Env;
  /** Deletes the run's topics, schema subjects and Redis keys; disconnects. */
  dispose(): Promise<void>;
}

/**
 * Creates fresh topics (and registry subjects) for one run, so runs never see each other's
 * data and the cluster is left as it was. Addresses come from the usual variables
 * (`KAFKA_BROKERS`, `SCHEMA_REGISTRY_URL`, `REDIS_URL`), defaulting to the local infrastructure.
 */
export async function openBenchEnvironment(
  name: string,
  options: BenchEnvironmentOptions,
): Promise<BenchEnvironment> {
  const id = `bench-${name}-${Date.now().toString(36)}`;
  const loaded = loadConfig(['kafka', 'schemaRegistry', 'redis'], process.env);
  const redisKeyPrefix = `${loaded.redis.keyPrefix}${id}:`;
  const config = {
    ...loaded,
    kafka: { ...loaded.kafka, topicPrefix: id },
    redis: { ...loaded.redis, keyPrefix: redisKeyPrefix },
  };
  const topics = topicNames(id);
  const kafka = createKafkaClient(config.kafka, { clientId: id });
  const admin = kafka.admin();
  await admin.connect();
  const chosen = new Set(options.topics);
  const definitions = topicCatalogue({
    names: topics,
    replicationFactor: config.kafka.replicationFactor,
    minInSyncReplicas: config.kafka.minInSyncReplicas,
    ...(options.partitions !== undefined && { partitions: options.partitions }),
  }).filter((topic) => chosen.has(topic.key));
  const partitions = definitions.find((d) => d.key === 'notificationsRaw')?.partitions ?? 12;
  const extraTopics: Record<string, string> = Object.fromEntries(
    (options.extraTopics ?? []).map((n): [string, string] => [n, `${id}.${n}`]),
  );
  await provisionTopics(admin, [
    ...definitions,
    ...Object.values(extraTopics).map((topic) => ({
      ...definitions[0]!,
      name: topic,
      partitions,
      configs: { 'min.insync.replicas': String(config.kafka.minInSyncReplicas) },
    })),
  ]);
  const registry = new AvroRegistry(config.schemaRegistry);
  if (options.registerRawSchema) {
    const raw = (await loadSchemaFiles()).find((f) => f.topic === 'payments.notifications.raw');
    if (!raw) throw new Error('schemas/payments.notifications.raw.avsc is missing');
    await registry.register(topics.notificationsRaw, raw.schema);
  }
  const groups = new Set<string>();
  const otherTopics = new Set<string>();
  return {
    id,
    topics,
    extraTopics,
    partitions,
    config,
    kafka,
    admin,
    registry,
    groupId: (name) => {
      groups.add(`${id}-${name}`);
      return `${id}-${name}`;
    },
    alsoDelete: (resources) => {
      for (const topic of resources.topics ?? []) otherTopics.add(topic);
      for (const group of resources.groups ?? []) groups.add(group);
    },
    env: (extra = {}) => ({
      ...process.env,
      KAFKA_TOPIC_PREFIX: id,
      REDIS_KEY_PREFIX: redisKeyPrefix,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      ...extra,
    }),
    dispose: async () => {
      const all = topicKeys.map((key) => topics[key]);
      await deleteTopics(admin, [...all, ...Object.values(extraTopics), ...otherTopics]);
      // Groups that are gone already, or still have members, are left for the broker to expire.
      await admin.deleteGroups([...groups]).catch(() => undefined);
      await admin.disconnect();
      await deleteSubjects(config.schemaRegistry.url, [...all, ...otherTopics]);
      const redis = await createRedisClient(config.redis, { connectionName: `${id}-cleanup` });
      await deleteKeysByPrefix(redis, '');
      await quitRedis(redis);
    },
  };
}

/** Deletes the run's value subjects (soft, then permanent); absent ones are fine. */
async function deleteSubjects(registryUrl: string, topics: readonly string[]): Promise<void> {
  for (const topic of topics) {
    const url = `${registryUrl}/subjects/${encodeURIComponent(subjectFor(topic))}`;
    for (const suffix of ['', '?permanent=true']) {
      await fetch(`${url}${suffix}`, { method: 'DELETE' }).catch(() => undefined);
    }
  }
}
