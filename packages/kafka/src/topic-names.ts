/** Every topic of Clawback by role; services take this object instead of hard-coded names. */
export interface TopicNames {
  /** Verified provider notifications as received; the source of truth. */
  readonly notificationsRaw: string;
  /** Notifications that could not be parsed or applied, with the reason. */
  readonly notificationsDlq: string;
  /** Order-lifecycle events derived by the state machine. */
  readonly lifecycleEvents: string;
  /** Latest order snapshot per order key (compacted). */
  readonly lifecycleState: string;
  /** Commission earned, reversed and reinstated, per affiliate. */
  readonly commissionAdjustments: string;
  /** Commission state per order (compacted changelog of commission-reversals). */
  readonly commissionState: string;
  /** Subscription cancellations requested, done and failed. */
  readonly cancellations: string;
  /** Cancellations that exhausted their retries. */
  readonly cancellationsDlq: string;
  /** Operators' redrive commands for cancellation dead letters (ADR 0019). */
  readonly cancellationsRedrive: string;
}

/** The role of a topic. */
export type TopicKey = keyof TopicNames;

/** The contract names from DESIGN.md, without prefix. */
export const baseTopicNames: TopicNames = {
  notificationsRaw: 'payments.notifications.raw',
  notificationsDlq: 'payments.notifications.dlq',
  lifecycleEvents: 'orders.lifecycle.events',
  lifecycleState: 'orders.lifecycle.state',
  commissionAdjustments: 'affiliates.commission.adjustments',
  commissionState: 'affiliates.commission.state',
  cancellations: 'subscriptions.cancellations',
  cancellationsDlq: 'subscriptions.cancellations.dlq',
  cancellationsRedrive: 'subscriptions.cancellations.redrive',
};

/** All topic roles, in catalogue order. */
export const topicKeys = Object.keys(baseTopicNames) as readonly TopicKey[];

/**
 * Topic names with an optional prefix (`<prefix>.<name>`), so that tests and parallel
 * environments get their own topics on a shared cluster. An empty prefix gives the contract
 * names.
 */
export function topicNames(prefix = ''): TopicNames {
  if (prefix !== '' && !/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/.test(prefix)) {
    throw new RangeError(`invalid topic prefix "${prefix}"`);
  }
  const names = {} as Record<TopicKey, string>;
  for (const key of topicKeys) {
    names[key] = prefix === '' ? baseTopicNames[key] : `${prefix}.${baseTopicNames[key]}`;
  }
  return names;
}
