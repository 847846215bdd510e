import type { ClawbackConfig } from '@clawback/config';
import { retry } from '@clawback/errors';
import {
  PartitionProducers,
  createKafkaClient,
  kafkaReadiness,
  type Admin,
  type KafkaClient,
} from '@clawback/kafka';
import type { Logger } from '@clawback/logging';
import { kafkaRetriableResponses, type Registry } from '@clawback/observability';
import { createRedisClient, quitRedis, redisReadiness, type Redis } from '@clawback/redis';
import { AvroRegistry, registerWrittenSchemas } from '@clawback/schema-registry';
import type { Supervisor } from './supervise-consumer';
import {
  supervisePartitionTasks,
  type PartitionTasksDefinition,
} from './supervise-partition-tasks';

/** For `/readyz`: each check answers within its own timeout. */
export type ServiceReadiness = {
  readonly kafka: () => Promise<boolean>;
  readonly redis: () => Promise<boolean>;
};

/** A partition-task consumer as a service declares it; the clients are the service's. */
type ConsumerDeclaration = Omit<PartitionTasksDefinition, 'kafka' | 'producers'> & {
  /**
   * Whether each partition is fenced with the service's transactional producer before its task
   * opens (default true); false for a consumer that writes no Kafka transactions.
   */
  readonly fenced?: boolean;
};

/** The open clients and hooks a service wires its own parts with. */
interface ServiceParts {
  readonly kafka: KafkaClient;
  /** Connected; for committed offsets, topic ends and layout checks. */
  readonly admin: Admin;
  /** Connected, with the deployment's (or the test's) key prefix. */
  readonly redis: Redis;
  /** One transactional producer per input partition: `<idPrefix>-<name>-<topic>-<partition>`. */
  readonly producers: PartitionProducers;
  readonly registry: AvroRegistry;
  readonly readiness: ServiceReadiness;
  /** Starts a supervised partition-task consumer; it is stopped with the service. */
  readonly consume: (declaration: ConsumerDeclaration) => Promise<Supervisor>;
  /** Runs at the service's stop, before the consumers stop (a server, a watchdog, an abort). */
  readonly onStop: (closer: () => void | Promise<void>) => void;
}

/** What every consumer service is started with; the services' own options extend it. */
export interface ConsumerServiceInputs {
  readonly config: Pick<ClawbackConfig, 'kafka' | 'schemaRegistry' | 'redis'>;
  readonly settings: {
    /** Transactional ids are `<prefix>-<service name>-<input topic>-<partition>`. */
    readonly transactionalIdPrefix: string;
    /** The broker aborts a transaction left open this long by a dead process. */
    readonly transactionTimeoutMs: number;
  };
  readonly logger: Logger;
  /** Overrides the configured Redis key prefix (tests and replays use their own). */
  readonly redisKeyPrefix?: string;
}

/** What a consumer service declares; the skeleton does the rest. */
export interface ConsumerServiceOptions<T> extends ConsumerServiceInputs {
  /** The service's name: Kafka client id suffix, Redis connection name, transactional-id part. */
  readonly name: string;
  /** Where the Kafka client counts the broker answers a retry fixed. */
  readonly metricsRegistry: Registry;
  /**
   * Contract name → actual name of every topic the service writes. Their schemas are registered
   * before anything starts, so an edit that would break existing readers stops the service here.
   */
  readonly writes: ReadonlyMap<string, string>;
  /** Wires and starts the service's own parts; what it returns is the service's. */
  readonly start: (parts: ServiceParts) => Promise<T>;
}

/** A running consumer service. */
export interface RunningConsumerService<T> {
  /** What the service's `start` returned. */
  readonly own: T;
  /** Resolves once every consumer had its first partition assignment. */
  readonly joined: Promise<void>;
  readonly readiness: ServiceReadiness;
  /**
   * Graceful stop: the service's closers, then the consumers (the batch in flight commits or
   * aborts), then the producers and clients. A failing step is logged; the rest still runs.
   */
  stop(): Promise<void>;
}

/**
 * Starts tried in all when each fails retriably (a partition leader moving, a coordinator
 * loading, a rebuild that met either), with waits of at most 0.5, 1, 2, 4, 8, 10 and 10 s
 * between them.
 */
const START_ATTEMPTS = 8;

/**
 * The bootstrap of every exactly-once consumer service: connects Kafka (admin), Redis and the
 * partition producers, registers the written schemas, runs the service's `start`, and stops
 * everything in order. A failure while starting closes what was opened; a retriable one
 * (`isRetriable`) starts again with backoff and jitter, so a broker restarting during a deploy
 * does not make the process exit; any other, or the last, is rethrown.
 */
export async function startConsumerService<T>(
  options: ConsumerServiceOptions<T>,
): Promise<RunningConsumerService<T>> {
  return retry(() => startOnce(options), {
    attempts: START_ATTEMPTS,
    initialDelayMs: 500,
    maxDelayMs: 10_000,
    onRetry: (error, attempt, delayMs) =>
      options.logger.warn(
        { err: error, attempt, delayMs },
        `${options.name} failed to start with a retriable error; starting again`,
      ),
  });
}

async function startOnce<T>(
  options: ConsumerServiceOptions<T>,
): Promise<RunningConsumerService<T>> {
  const { config, logger, name } = options;
  const kafka = createKafkaClient(config.kafka, {
    logger,
    clientId: `${config.kafka.clientId}-${name}`,
    onRetriableResponse: kafkaRetriableResponses(options.metricsRegistry),
  });
  const admin = kafka.admin();
  await admin.connect();
  const redis = await createRedisClient(config.redis, {
    logger,
    connectionName: name,
    ...(options.redisKeyPrefix !== undefined && { keyPrefix: options.redisKeyPrefix }),
  }).catch(async (error: unknown) => {
    await admin.disconnect();
    throw error;
  });
  const producers = new PartitionProducers(
    kafka,
    `${options.settings.transactionalIdPrefix}-${name}`,
    options.settings.transactionTimeoutMs,
  );
  const consumers: Supervisor[] = [];
  const closers: (() => void | Promise<void>)[] = [];
  const settle = async (label: string, steps: readonly (() => unknown)[]): Promise<void> => {
    const results = await Promise.allSettled(steps.map((step) => Promise.resolve().then(step)));
    for (const result of results) {
      if (result.status === 'rejected') logger.error({ err: result.reason }, `${label} failed`);
    }
  };
  const stop = async (): Promise<void> => {
    await settle('stop step', closers);
    await settle(
      'consumer stop',
      consumers.map((consumer) => () => consumer.stop()),
    );
    await producers.closeAll();
    await quitRedis(redis);
    await admin.disconnect();
  };
  const readiness = { kafka: kafkaReadiness(admin), redis: redisReadiness(redis) };
  try {
    const registry = new AvroRegistry(config.schemaRegistry);
    await registerWrittenSchemas(registry, options.writes);
    const own = await options.start({
      kafka,
      admin,
      redis,
      producers,
      registry,
      readiness,
      consume: async ({ fenced = true, ...declaration }) => {
        const consumer = supervisePartitionTasks({
          ...declaration,
          kafka,
          ...(fenced && { producers }),
        });
        consumers.push(consumer);
        await consumer.start();
        return consumer;
      },
      onStop: (closer) => void closers.push(closer),
    });
    return {
      own,
      joined: Promise.all(consumers.map((consumer) => consumer.joined)).then(() => undefined),
      readiness,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
