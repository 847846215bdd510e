import { registerWrittenSchemas } from '@clawback/schema-registry';
import { deleteKeysByPrefix } from '@clawback/redis';
import { createLogger } from '@clawback/logging';
import { registryCodecs } from '../batch/codecs';
import type { CancellationEvent } from '../events/cancellation-event';
import { writtenTopics } from '../service/written-topics';
import {
  type CancellationsFixture,
  createCancellationsFixture,
} from '../testing/cancellations-fixture';
import { completedRecordKey, redisCompletedCancellations } from './completed-cancellations';
import { withCompletedCommands } from './completed-scripts';
import { rebuildCompletedCancellations } from './rebuild-completed';
import { sharedRebuild } from './shared-rebuild';

let fixture: CancellationsFixture;
beforeEach(async () => {
  fixture = await createCancellationsFixture();
});
afterEach(() => fixture.dispose());

const sub = (ref: string) => ({ provider: 'kartra', merchantId: 'm', subscriptionRef: ref });

function cancelled(ref: string): CancellationEvent {
  return {
    eventId: `SubscriptionCancelled:c-${ref}:${ref}`,
    type: 'SubscriptionCancelled',
    ...sub(ref),
    orderKey: `kartra:m:${ref}`,
    adapter: 'webhook',
    cause: 'chargeback_lost',
    causationId: `c-${ref}`,
    idempotencyKey: `k-${ref}`,
    occurredAt: '2026-01-15T10:00:00.000Z',
    attempts: 1,
    alreadyCancelled: false,
  } as CancellationEvent;
}

async function setUp() {
  const { ctx, registry, settings } = fixture;
  await registerWrittenSchemas(registry, writtenTopics(settings.topics));
  const codecs = registryCodecs(registry, settings.topics);
  const redis = await ctx.redis();
  let rebuilds = 0;
  const rebuild = sharedRebuild(
    () =>
      rebuildCompletedCancellations({
        kafka: ctx.kafka,
        admin: ctx.admin,
        redis,
        codecs,
        topic: settings.topics.cancellations,
        groupIdPrefix: `${settings.groupId}-rebuild`,
        timeoutMs: 30_000,
        logger: createLogger({ service: 'test', level: 'silent' }),
      }),
    () => (rebuilds += 1),
  );
  const completed = redisCompletedCancellations({
    redis,
    topic: settings.topics.cancellations,
    rebuild,
  });
  const commit = async (refs: readonly string[]) =>
    ctx.produce(
      settings.topics.cancellations,
      await Promise.all(
        refs.map(async (ref) => ({
          key: ref,
          value: await codecs.encodeCancellation(cancelled(ref)),
        })),
      ),
    );
  return { redis, completed, commit, rebuilds: () => rebuilds };
}

describe('completed-cancellations record: every key lost (real Kafka and Redis)', () => {
  it('given each of the record’s keys deleted while running, then a cancelled subscription is found again, never read as not cancelled', async () => {
    const { redis, completed, commit, rebuilds } = await setUp();
    await commit(['A', 'B']);
    expect(await completed.find(sub('A'))).toMatchObject({ causationId: 'c-A' });
    expect(rebuilds()).toBe(1);
    const keys = await redis.keys(`${redis.options.keyPrefix ?? ''}*`);
    // One hash holds facts, positions and completeness: Redis loses all of it or nothing.
    expect(keys).toHaveLength(1);
    for (let round = 0; round < keys.length; round++) {
      expect(await deleteKeysByPrefix(redis, '')).toBe(1);
      expect(await completed.find(sub('B'))).toMatchObject({ causationId: 'c-B' });
      expect(await completed.find(sub('A'))).toMatchObject({ causationId: 'c-A' });
      expect(await completed.find(sub('NEVER'))).toBeUndefined();
    }
    expect(rebuilds()).toBe(1 + keys.length);
  });

  it('given the record lost after a call was recorded and a rebuild read the topic before its commit, then the fact recorded after the commit holds', async () => {
    const { redis, completed, commit } = await setUp();
    await completed.find(sub('X'));
    await completed.record(sub('LATE'), {
      causationId: 'c-LATE',
      attempts: 1,
      alreadyCancelled: false,
    });
    await deleteKeysByPrefix(redis, '');
    // The loss is found and rebuilt from a topic without LATE's fact (not committed yet).
    expect(await completed.find(sub('X'))).toBeUndefined();
    await commit(['LATE']);
    await completed.recordCommitted([
      { ...sub('LATE'), causationId: 'c-LATE', attempts: 1, alreadyCancelled: false },
    ]);
    expect(await completed.find(sub('LATE'))).toMatchObject({ causationId: 'c-LATE' });
  });

  it('given the record lost while a rebuild fills it, then that rebuild cannot complete it', async () => {
    const { redis, settings } = {
      redis: withCompletedCommands(await fixture.ctx.redis()),
      settings: fixture.settings,
    };
    const key = completedRecordKey(settings.topics.cancellations);
    const [ready, epoch] = await redis.beginCompletedRebuild(key, 'e1', 'rebuilt:0');
    expect([ready, epoch]).toEqual(['', 'e1']);
    await redis.del(key);
    expect(await redis.writeCompletedRebuild(key, 'e1', '0', '5', 's:x', '{}')).toBe(0);
    expect(await redis.finishCompletedRebuild(key, 'e1')).toBe(0);
    expect(await redis.hget(key, 'ready')).toBeNull();
  });
});
