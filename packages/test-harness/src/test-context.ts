import { randomBytes } from 'node:crypto';
import { type ClawbackConfig, type Env, loadConfig } from '@clawback/config';
import {
  type Admin,
  type KafkaClient,
  type Message,
  type Producer,
  type TopicKey,
  type TopicNames,
  createIdempotentProducer,
  createKafkaClient,
  deleteTopics,
  provisionTopics,
  topicCatalogue,
  topicKeys,
  topicNames,
} from '@clawback/kafka';
import { type Redis, createRedisClient, deleteKeysByPrefix, quitRedis } from '@clawback/redis';
import { type ReadAllOptions, type ReadRecord, readAll } from './read-all';

/** Options for {@link createTestContext}. */
export interface TestContextOptions {
  /** Which catalogue topics to create (with the test's prefix). Default: all. */
  readonly topics?: readonly TopicKey[];
  /** Partitions per topic. Default 3: more than one, to catch ordering assumptions. */
  readonly partitions?: number;
  /** Environment to read addresses from. Default `process.env`. */
  readonly env?: Env;
}

/** Anything a test opens and the context should close. */
interface Disconnectable {
  disconnect(): Promise<void>;
}

/** Everything one integration test needs, isolated from every other test. */
export interface TestContext {
  /** Unique per test, e.g. `t-m3x9k2-4f1a2b`. */
  readonly id: string;
  /** Topic names with the test's prefix; the chosen topics exist. */
  readonly topics: TopicNames;
  /**
   * Configuration pointing at the local infrastructure, with the test's topic and
   * transactional-id prefixes, so a service started with it stays inside the test.
   */
  readonly config: Pick<ClawbackConfig, 'kafka' | 'schemaRegistry' | 'redis'>;
  readonly kafka: KafkaClient;
  /** A connected admin client. */
  readonly admin: Admin;
  /** Prefix for transactional ids, so tests never fence each other. */
  readonly transactionalIdPrefix: string;
  /** Prefix (after the configured one) of every Redis key of this test. */
  readonly redisKeyPrefix: string;
  /** A consumer-group id unique to this test (and to `name`). */
  groupId(name?: string): string;
  /** A connected Redis client whose keys all live under {@link redisKeyPrefix}. */
  redis(): Promise<Redis>;
  /** Produces with a shared idempotent producer (acks from all in-sync replicas). */
  produce(topic: string, messages: readonly Message[]): Promise<void>;
  /** {@link readAll} on this test's cluster. */
  readAll(topic: string, options: ReadAllOptions): Promise<readonly ReadRecord[]>;
  /** Registers a client to disconnect on {@link dispose}; returns it. */
  track<T extends Disconnectable>(client: T): T;
  /** Disconnects everything, deletes the test's topics and Redis keys; once. */
  dispose(): Promise<void>;
}

/** A fresh id for a test: time-ordered (readable in listings) and random. */
export function uniqueTestId(): string {
  return `t-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/**
 * Creates the test's topics from the catalogue under a unique prefix and hands out prefixes
 * for consumer groups, transactional ids and Redis keys. Call `dispose()` in `afterEach`.
 */
export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const id = uniqueTestId();
  const loaded = loadConfig(['kafka', 'schemaRegistry', 'redis'], options.env ?? process.env);
  const transactionalIdPrefix = `${id}-tx`;
  const config = { ...loaded, kafka: { ...loaded.kafka, topicPrefix: id, transactionalIdPrefix } };
  const topics = topicNames(id);
  const kafka = createKafkaClient(config.kafka, { clientId: id });
  const admin = kafka.admin();
  const chosen = new Set(options.topics ?? topicKeys);
  const definitions = topicCatalogue({
    names: topics,
    replicationFactor: config.kafka.replicationFactor,
    minInSyncReplicas: config.kafka.minInSyncReplicas,
    partitions: options.partitions ?? 3,
  }).filter((topic) => chosen.has(topic.key));
  try {
    await admin.connect();
    await provisionTopics(admin, definitions);
  } catch (error) {
    // Leave nothing behind when the context cannot be built.
    await deleteTopics(
      admin,
      definitions.map((topic) => topic.name),
    ).catch(() => undefined);
    await admin.disconnect();
    throw error;
  }

  const tracked: Disconnectable[] = [];
  const redisKeyPrefix = `test:${id}:`;
  let redis: Promise<Redis> | undefined;
  let producer: Promise<Producer> | undefined;
  let disposed: Promise<void> | undefined;

  const context: TestContext = {
    id,
    topics,
    config,
    kafka,
    admin,
    transactionalIdPrefix,
    redisKeyPrefix,
    groupId: (name = 'group') => `${id}-${name}`,
    redis: () =>
      (redis ??= createRedisClient(config.redis, {
        keyPrefix: `${config.redis.keyPrefix}${redisKeyPrefix}`,
        connectionName: id,
      })),
    produce: async (topic, messages) => {
      producer ??= (async () => {
        const created = context.track(createIdempotentProducer(kafka));
        await created.connect();
        return created;
      })();
      await (await producer).send({ topic, messages: [...messages] });
    },
    readAll: (topic, readOptions) => readAll(kafka, topic, readOptions),
    track: (client) => {
      tracked.push(client);
      return client;
    },
    dispose: () =>
      (disposed ??= (async () => {
        await Promise.allSettled(tracked.reverse().map((client) => client.disconnect()));
        if (redis) {
          const client = await redis;
          await deleteKeysByPrefix(client, '');
          await quitRedis(client);
        }
        try {
          await deleteTopics(
            admin,
            definitions.map((topic) => topic.name),
          );
        } finally {
          await admin.disconnect();
        }
      })()),
  };
  return context;
}
