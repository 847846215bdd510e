import type { Logger } from '@clawback/logging';
import type { TestContext } from '@clawback/test-harness';
import type { NormalizeOptionsFor } from '../records/to-partition-records';
import { startOrderLifecycle, type RunningOrderLifecycle } from '../service/start-order-lifecycle';
import type { LifecycleSettings } from '../settings/lifecycle-settings';
import { waitUntilAllCommitted } from './consumed';
import { testRedisKeyPrefix, testSettings } from './test-settings';

/** Options for {@link consumeAll}. */
export interface ConsumeAllOptions {
  readonly logger: Logger;
  readonly timeoutMs: number;
  /** Default: {@link testSettings} of the context. */
  readonly settings?: LifecycleSettings;
  readonly normalizeOptionsFor?: NormalizeOptionsFor;
}

/**
 * Runs the lifecycle in this process on the context's topics until it has committed every raw
 * record, then stops it (also on failure). Returns the stopped instance for its metrics.
 */
export async function consumeAll(
  context: Pick<
    TestContext,
    'admin' | 'config' | 'redisKeyPrefix' | 'topics' | 'groupId' | 'transactionalIdPrefix'
  >,
  options: ConsumeAllOptions,
): Promise<RunningOrderLifecycle> {
  const settings = options.settings ?? testSettings(context);
  const lifecycle = await startOrderLifecycle({
    config: context.config,
    settings,
    logger: options.logger,
    redisKeyPrefix: testRedisKeyPrefix(context),
    ...(options.normalizeOptionsFor && { normalizeOptionsFor: options.normalizeOptionsFor }),
  });
  try {
    await waitUntilAllCommitted(context.admin, settings, options.timeoutMs);
  } finally {
    await lifecycle.stop();
  }
  return lifecycle;
}
