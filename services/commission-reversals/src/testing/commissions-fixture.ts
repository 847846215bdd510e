import { createLogger } from '@clawback/logging';
import { parseMerchants, type MerchantDirectory } from '@clawback/merchants';
import { type LifecycleEvent, toAvroEvent } from '@clawback/order-machine';
import type { Redis } from '@clawback/redis';
import { AvroRegistry, loadSchemaFiles } from '@clawback/schema-registry';
import { type TestContext, createTestContext, waitFor } from '@clawback/test-harness';
import { type AvroCommissionAdjustment, fromAvroAdjustment } from '../avro/adjustment-avro';
import type { CommissionAdjustment } from '../rules/commission-adjustment';
import { ledgerPosition } from './ledger-position';
import {
  type RunningCommissionReversals,
  startCommissionReversals,
} from '../service/start-commission-reversals';
import {
  type CommissionSettings,
  defaultCommissionSettings,
  ledgerGroupId,
} from '../settings/commission-settings';

/** Everything an integration test of the service needs, on its own topics and Redis keys. */
export interface CommissionsFixture {
  readonly ctx: TestContext;
  readonly registry: AvroRegistry;
  readonly settings: CommissionSettings;
  /** The Redis key prefix the service runs with (the test context's). */
  readonly redisKeyPrefix: string;
  /** A client under that prefix. */
  readonly redis: Redis;
  /** Produces lifecycle events (Avro, keyed by order key), as the order lifecycle would. */
  produce(events: readonly LifecycleEvent[]): Promise<void>;
  /** Starts the service in-process with these merchants; stopped by {@link dispose}. */
  start(merchants: unknown, http?: boolean): Promise<RunningCommissionReversals>;
  /** Waits until the decider committed every lifecycle record and the ledger booked every adjustment. */
  settled(timeoutMs?: number): Promise<void>;
  /** Everything committed on `affiliates.commission.adjustments`, decoded, in partition order. */
  adjustments(): Promise<readonly CommissionAdjustment[]>;
  dispose(): Promise<void>;
}

/** Settings for tests: the context's names, small batches (many transactions), short sessions. */
function testCommissionSettings(ctx: TestContext): CommissionSettings {
  return {
    ...defaultCommissionSettings,
    topics: ctx.topics,
    groupId: ctx.groupId('commissions'),
    transactionalIdPrefix: ctx.transactionalIdPrefix,
    sessionTimeoutMs: 6_000,
    maxBatchBytes: 4_096,
    recordsPerTransaction: 5,
    restoreTimeoutMs: 60_000,
    ledgerCheckIntervalMs: 300,
  };
}

/** Creates the topics, registers the lifecycle schema, and hands out helpers. */
export async function createCommissionsFixture(partitions = 3): Promise<CommissionsFixture> {
  const ctx = await createTestContext({
    topics: ['lifecycleEvents', 'commissionAdjustments', 'commissionState'],
    partitions,
  });
  const redis = await ctx.redis();
  const registry = new AvroRegistry(ctx.config.schemaRegistry);
  const lifecycle = (await loadSchemaFiles()).find((f) => f.topic === 'orders.lifecycle.events')!;
  await registry.register(ctx.topics.lifecycleEvents, lifecycle.schema);
  const settings = testCommissionSettings(ctx);
  const running: RunningCommissionReversals[] = [];
  return {
    ctx,
    registry,
    settings,
    redis,
    redisKeyPrefix: `${ctx.config.redis.keyPrefix}${ctx.redisKeyPrefix}`,
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
    async start(merchants, http = false) {
      const service = await startCommissionReversals({
        config: ctx.config,
        settings,
        merchants: merchantDirectory(merchants),
        logger: createLogger({
          service: 'commission-reversals-test',
          level: process.env.TEST_LOG_LEVEL === 'debug' ? 'debug' : 'silent',
        }),
        redisKeyPrefix: `${ctx.config.redis.keyPrefix}${ctx.redisKeyPrefix}`,
        ...(http && { http: { port: 0, host: '127.0.0.1' } }),
      });
      running.push(service);
      return service;
    },
    async settled(timeoutMs = 90_000) {
      // Where each partition's last committed record ends: the high watermark also counts
      // transaction markers, which no consumer position ever points past.
      const ends = async (topic: string) => {
        const records = await ctx.readAll(topic, { timeoutMs: 30_000 });
        const last = new Map<number, string>();
        for (const r of records) last.set(r.partition, (BigInt(r.offset) + 1n).toString());
        return last;
      };
      const events = ctx.topics.lifecycleEvents;
      const adjustments = ctx.topics.commissionAdjustments;
      await waitFor(
        async () => {
          const [eventEnds, committed] = await Promise.all([
            ends(events),
            ctx.admin.fetchOffsets({ groupId: settings.groupId, topics: [events] }),
          ]);
          const done = new Map(committed[0]?.partitions.map((p) => [p.partition, p.offset]));
          if ([...eventEnds].some(([partition, end]) => done.get(partition) !== end)) return false;
          for (const [partition, end] of await ends(adjustments)) {
            const booked = await ledgerPosition(redis, adjustments, partition);
            if (booked === null || BigInt(booked) < BigInt(end)) return false;
          }
          return true;
        },
        {
          timeoutMs,
          intervalMs: 300,
          description: `the decider (${settings.groupId}) and the ledger (${ledgerGroupId(settings)}) to catch up`,
        },
      );
    },
    async adjustments() {
      const records = await ctx.readAll(ctx.topics.commissionAdjustments, { timeoutMs: 30_000 });
      const decoded = await Promise.all(
        records.map((r) => registry.decode<AvroCommissionAdjustment>(r.value!)),
      );
      return decoded.map((record) => fromAvroAdjustment(record)!);
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
