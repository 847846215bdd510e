import { PartitionProducers, type KafkaMessage } from '@clawback/kafka';
import { createLogger } from '@clawback/logging';
import { AvroRegistry, registerWrittenSchemas } from '@clawback/schema-registry';
import type { ReadRecord, TestContext } from '@clawback/test-harness';
import { isLifecycleError } from '../lifecycle-error';
import { createLifecycleMetrics } from '../metrics/lifecycle-metrics';
import { registryCodecs } from '../records/registry-codecs';
import { writtenTopics } from '../service/written-topics';
import {
  createLifecycleTestContext,
  outputTopics,
  produceLog,
} from '../testing/lifecycle-test-context';
import { notificationLog } from '../testing/notification-log';
import { outputsAndPureRun } from '../testing/pure-run';
import { testSettings } from '../testing/test-settings';
import { LifecyclePartitionTask } from './lifecycle-partition-task';
import type { LifecycleTaskDeps } from './lifecycle-task-deps';

const heartbeat = () => Promise.resolve();

describe('zombie fencing of partition tasks (real Kafka, registry, Redis)', () => {
  let context: TestContext;
  let registry: AvroRegistry;
  let deps: LifecycleTaskDeps;
  /** A second instance of the service: its own producers (transactional ids), same deps. */
  let otherInstance: LifecycleTaskDeps;
  let raw: readonly ReadRecord[];

  beforeEach(async () => {
    context = await createLifecycleTestContext(1);
    registry = new AvroRegistry(context.config.schemaRegistry);
    await produceLog(context, registry, notificationLog({ orders: 12, seed: 3 }));
    raw = await context.readAll(context.topics.notificationsRaw, { timeoutMs: 30_000 });
    await registerWrittenSchemas(registry, writtenTopics(context.topics));
    const settings = testSettings(context);
    const producers = (): PartitionProducers => {
      const instance = new PartitionProducers(
        context.kafka,
        `${settings.transactionalIdPrefix}-order-lifecycle`,
        settings.transactionTimeoutMs,
      );
      context.track({ disconnect: () => instance.closeAll() });
      return instance;
    };
    deps = {
      kafka: context.kafka,
      admin: context.admin,
      producers: producers(),
      redis: await context.redis(),
      codecs: registryCodecs(registry, outputTopics(context.topics)),
      settings,
      eventsCoPartitioned: true,
      logger: createLogger({ service: 'zombie-test', level: 'silent' }),
      metrics: createLifecycleMetrics(),
      now: Date.now,
    };
    otherInstance = { ...deps, producers: producers() };
  });
  afterEach(() => context.dispose());

  const messages = (records: readonly ReadRecord[]): KafkaMessage[] =>
    records.map(({ key, value, offset, timestamp, headers }) => ({
      key,
      value,
      offset,
      timestamp,
      headers: headers ?? {},
      attributes: 0,
    }));

  it('given a newer owner opened the partition, when the stale one commits, then it is fenced and only the owner’s work is visible', async () => {
    const half = Math.floor(raw.length / 2);
    const stale = await LifecyclePartitionTask.open(deps, 0, heartbeat);
    const owner = await LifecyclePartitionTask.open(otherInstance, 0, heartbeat);

    const failure = await stale
      .process(messages(raw.slice(0, half)), heartbeat)
      .catch((e: unknown) => e);
    expect(isLifecycleError(failure, 'producer_fenced')).toBe(true);
    await stale.close();
    await deps.producers.release(deps.settings.topics.notificationsRaw, 0);

    await owner.process(messages(raw.slice(0, half)), heartbeat);
    expect(owner.position).toBe(String(BigInt(raw[half - 1]!.offset) + 1n));

    // The stale instance restarts: opening again fences the owner and resumes from the
    // committed offset, skipping what the owner already committed.
    const restarted = await LifecyclePartitionTask.open(deps, 0, heartbeat);
    const ownerFailure = await owner
      .process(messages(raw.slice(half)), heartbeat)
      .catch((e: unknown) => e);
    expect(isLifecycleError(ownerFailure, 'producer_fenced')).toBe(true);
    await owner.close();
    await restarted.process(messages(raw), heartbeat);
    await restarted.close();

    const { expected, actual } = await outputsAndPureRun(context, registry);
    expect(actual.duplicateEventIds).toEqual([]);
    expect(actual.events).toEqual(expected.events);
    expect(actual.states).toEqual(expected.states);
  });
});
