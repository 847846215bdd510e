import type { TopicKey } from '@clawback/kafka';
import { createLogger } from '@clawback/logging';
import { type MerchantDirectory, parseMerchants } from '@clawback/merchants';
import { type LifecycleEvent, toAvroEvent } from '@clawback/order-machine';
import { AvroRegistry, loadSchemaFiles } from '@clawback/schema-registry';
import { type TestContext, createTestContext, waitFor } from '@clawback/test-harness';
import { type AvroCancellationEvent, fromAvroCancellation } from '../events/cancellation-avro';
import type { CancellationEvent } from '../events/cancellation-event';
import type { CancellationDeadLetter } from '../events/dead-letter';
import {
  type RunningSubscriptionCancellations,
  startSubscriptionCancellations,
} from '../service/start-subscription-cancellations';
import {
  type CancellationServiceSettings,
  defaultServiceSettings,
} from '../settings/service-settings';

/** Everything an integration test of the service needs, on its own topics and Redis keys. */
export interface CancellationsFixture {
  readonly ctx: TestContext;
  readonly registry: AvroRegistry;
  readonly settings: CancellationServiceSettings;
  /** The Redis key prefix the service runs with (the test context's). */
  readonly redisKeyPrefix: string;
  /** Produces lifecycle events (Avro, keyed by order key), as the order lifecycle would. */
  produce(events: readonly LifecycleEvent[]): Promise<void>;
  /** Starts the service in-process (settings adjustable); stopped by {@link dispose}. */
  start(
    merchants: unknown,
    adjust?: (settings: CancellationServiceSettings) => CancellationServiceSettings,
  ): Promise<RunningSubscriptionCancellations>;
  /** Waits until the group has committed every produced lifecycle record. */
  consumedAll(timeoutMs?: number): Promise<void>;
  /** Everything committed on `subscriptions.cancellations`, decoded, in partition order. */
  cancellations(): Promise<readonly CancellationEvent[]>;
  /** Everything committed on the dead-letter topic, decoded. */
  deadLetters(): Promise<readonly CancellationDeadLetter[]>;
  dispose(): Promise<void>;
}

/** Settings for tests: the context's names, short backoffs, a small retry budget. */
function testServiceSettings(ctx: TestContext): CancellationServiceSettings {
  return {
    ...defaultServiceSettings,
    topics: ctx.topics,
    groupId: ctx.groupId('cancellations'),
    transactionalIdPrefix: ctx.transactionalIdPrefix,
    sessionTimeoutMs: 10_000,
    rebuildTimeoutMs: 60_000,
    retry: {
      maxAttempts: 3,
      initialDelayMs: 20,
      maxDelayMs: 100,
      maxTotalMs: 20_000,
      requestTimeoutMs: 5_000,
    },
  };
}

/**
 * Creates the topics (the service's, plus `extraTopics` for tests that run more services),
 * registers the lifecycle schema, and hands out helpers.
 */
export async function createCancellationsFixture(
  extraTopics: readonly TopicKey[] = [],
): Promise<CancellationsFixture> {
  const ctx = await createTestContext({
    topics: [
      'lifecycleEvents',
      'cancellations',
      'cancellationsDlq',
      'cancellationsRedrive',
      ...extraTopics,
    ],
  });
  await ctx.redis();
  const registry = new AvroRegistry(ctx.config.schemaRegistry);
  const lifecycle = (await loadSchemaFiles()).find((f) => f.topic === 'orders.lifecycle.events')!;
  await registry.register(ctx.topics.lifecycleEvents, lifecycle.schema);
  const settings = testServiceSettings(ctx);
  const redisKeyPrefix = `${ctx.config.redis.keyPrefix}${ctx.redisKeyPrefix}`;
  const running: RunningSubscriptionCancellations[] = [];
  const readDecoded = async (topic: string) => {
    const records = await ctx.readAll(topic, { timeoutMs: 30_000 });
    return Promise.all(records.map((r) => registry.decode<unknown>(r.value!)));
  };
  return {
    ctx,
    registry,
    settings,
    redisKeyPrefix,
    async produce(events) {
      const topic = ctx.topics.lifecycleEvents;
      const messages = await Promise.all(
        events.map(async (event) => ({
          key: event.orderKey,
          value: await registry.encode(topic, toAvroEvent(event)),
        })),
      );
      await ctx.produce(topic, messages);
    },
    async start(merchants, adjust = (same) => same) {
      const service = await startSubscriptionCancellations({
        config: ctx.config,
        settings: adjust(settings),
        merchants: merchantDirectory(merchants),
        logger: createLogger({
          service: 'subscription-cancellations-test',
          level: process.env.TEST_LOG_LEVEL === 'debug' ? 'debug' : 'silent',
        }),
        redisKeyPrefix,
      });
      running.push(service);
      return service;
    },
    async consumedAll(timeoutMs = 60_000) {
      const topic = ctx.topics.lifecycleEvents;
      await waitFor(
        async () => {
          const [ends, committed] = await Promise.all([
            ctx.admin.fetchTopicOffsets(topic),
            ctx.admin.fetchOffsets({ groupId: settings.groupId, topics: [topic] }),
          ]);
          const done = new Map(
            committed[0]?.partitions.map((p) => [p.partition, BigInt(p.offset)]),
          );
          return ends.every(
            ({ partition, high }) => BigInt(high) === 0n || done.get(partition) === BigInt(high),
          );
        },
        { timeoutMs, intervalMs: 200, description: `the group to commit all of ${topic}` },
      );
    },
    async cancellations() {
      const values = (await readDecoded(ctx.topics.cancellations)) as AvroCancellationEvent[];
      return values.map((value) => fromAvroCancellation(value)!);
    },
    async deadLetters() {
      return (await readDecoded(ctx.topics.cancellationsDlq)) as CancellationDeadLetter[];
    },
    async dispose() {
      await Promise.allSettled(running.map((service) => service.stop()));
      await ctx.dispose();
    },
  };
}

function merchantDirectory(merchants: unknown): MerchantDirectory {
  return merchants instanceof Map
    ? (merchants as MerchantDirectory)
    : parseMerchants(merchants, {});
}
