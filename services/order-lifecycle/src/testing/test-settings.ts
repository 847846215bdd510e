import type { TestContext } from '@clawback/test-harness';
import { defaultLifecycleSettings, type LifecycleSettings } from '../settings/lifecycle-settings';

/** Two hours of provider time: the generated logs advance a minute per record. */
export const TEST_HORIZON_MS = 2 * 3_600_000;

/** Settings for a consumer on the test's own topics, group and transactional ids. */
export function testSettings(
  context: Pick<TestContext, 'topics' | 'groupId' | 'transactionalIdPrefix'>,
  overrides: Partial<LifecycleSettings> = {},
): LifecycleSettings {
  return {
    ...defaultLifecycleSettings,
    topics: context.topics,
    groupId: context.groupId('order-lifecycle'),
    transactionalIdPrefix: context.transactionalIdPrefix,
    orphanHorizonMs: TEST_HORIZON_MS,
    // Small batches, so a test run has many transactions.
    maxBatchBytes: 16_384,
    sessionTimeoutMs: 6_000,
    ...overrides,
  };
}

/** The Redis key prefix of the test's own client (configured prefix + test prefix). */
export function testRedisKeyPrefix(
  context: Pick<TestContext, 'config' | 'redisKeyPrefix'>,
): string {
  return `${context.config.redis.keyPrefix}${context.redisKeyPrefix}`;
}
