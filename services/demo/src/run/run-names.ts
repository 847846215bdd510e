import { ledgerGroupId } from '@clawback/commission-reversals';
import type { Env } from '@clawback/config';

/** The consumer groups of a run's services, by what they consume. */
export interface RunGroups {
  readonly lifecycle: string;
  readonly cancellations: string;
  /** commission-reversals' decider; its ledger projector is `<commissions>-ledger`. */
  readonly commissions: string;
  readonly commissionsLedger: string;
}

/** The consumer groups of run `id`. */
export function runGroups(id: string): RunGroups {
  return {
    lifecycle: `${id}-order-lifecycle`,
    cancellations: `${id}-subscription-cancellations`,
    commissions: `${id}-commission-reversals`,
    commissionsLedger: ledgerGroupId({ groupId: `${id}-commission-reversals` }),
  };
}

/** The Redis key prefix of run `id`: under the usual `clawback:`, so one glob finds a run. */
export const runRedisPrefix = (id: string): string => `clawback:${id}:`;

/**
 * The environment every service of run `id` gets, on top of the caller's (which may point at
 * other brokers, a registry or Redis): the run's topic prefix, groups, transactional ids and
 * Redis keys, so a second run starts from nothing and shows the same tables.
 */
export function runEnv(id: string, merchantsFile: string): Env {
  const groups = runGroups(id);
  return {
    KAFKA_TOPIC_PREFIX: id,
    KAFKA_TRANSACTIONAL_ID_PREFIX: id,
    REDIS_KEY_PREFIX: runRedisPrefix(id),
    CLAWBACK_MERCHANTS_FILE: merchantsFile,
    LOG_LEVEL: 'info',
    LIFECYCLE_GROUP_ID: groups.lifecycle,
    LIFECYCLE_TRANSACTIONAL_ID_PREFIX: id,
    CANCELLATIONS_GROUP_ID: groups.cancellations,
    CANCELLATIONS_TRANSACTIONAL_ID_PREFIX: id,
    COMMISSIONS_GROUP_ID: groups.commissions,
    COMMISSIONS_TRANSACTIONAL_ID_PREFIX: id,
  };
}
