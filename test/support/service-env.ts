import type { Env } from '@clawback/config';
import type { TestContext } from '@clawback/test-harness';

/**
 * The environment an operator would give the services, pointed at one suite's topics, groups,
 * transactional ids and Redis keys, so suites never see each other's records. Services are
 * configured through it exactly as `npm run <service>` is.
 */
export function serviceEnv(context: TestContext, merchantsFile: string, extra: Env = {}): Env {
  return {
    ...process.env,
    KAFKA_TOPIC_PREFIX: context.id,
    KAFKA_TRANSACTIONAL_ID_PREFIX: context.transactionalIdPrefix,
    REDIS_KEY_PREFIX: `${context.config.redis.keyPrefix}${context.redisKeyPrefix}`,
    CLAWBACK_MERCHANTS_FILE: merchantsFile,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    LIFECYCLE_GROUP_ID: context.groupId('order-lifecycle'),
    LIFECYCLE_TRANSACTIONAL_ID_PREFIX: context.transactionalIdPrefix,
    // Few partitions per suite: short sessions so a slow start never waits on a dead member.
    LIFECYCLE_SESSION_TIMEOUT_MS: '10000',
    COMMISSIONS_GROUP_ID: context.groupId('commission-reversals'),
    COMMISSIONS_TRANSACTIONAL_ID_PREFIX: context.transactionalIdPrefix,
    COMMISSIONS_SESSION_TIMEOUT_MS: '10000',
    CANCELLATIONS_GROUP_ID: context.groupId('subscription-cancellations'),
    CANCELLATIONS_TRANSACTIONAL_ID_PREFIX: context.transactionalIdPrefix,
    CANCELLATIONS_SESSION_TIMEOUT_MS: '10000',
    // Short backoffs and a small budget, so a receiver that always fails is given up quickly.
    CANCELLATIONS_MAX_ATTEMPTS: '4',
    CANCELLATIONS_INITIAL_DELAY_MS: '20',
    CANCELLATIONS_MAX_DELAY_MS: '100',
    CANCELLATIONS_MAX_TOTAL_MS: '20000',
    ...extra,
  };
}
