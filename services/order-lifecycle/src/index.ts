/**
 * The order-lifecycle consumer: raw notifications in, lifecycle events, state snapshots and
 * dead letters out, exactly once (docs/adr/0005-exactly-once-order-lifecycle.md).
 */
export {
  startOrderLifecycle,
  type OrderLifecycleOptions,
  type RunningOrderLifecycle,
} from './service/start-order-lifecycle';
export { startOpsServer, type OpsServer } from './service/ops-server';
export {
  defaultLifecycleSettings,
  loadLifecycleSettings,
  type LifecycleSettings,
} from './settings/lifecycle-settings';
export { createLifecycleMetrics, type LifecycleMetrics } from './metrics/lifecycle-metrics';
export { LifecycleError, isLifecycleError, type LifecycleErrorCode } from './lifecycle-error';
export { runReplay, type ReplayOptions, type ReplayResult } from './replay/run-replay';
export { compareEvents, type EventComparison, type EventRecord } from './replay/compare-events';
export {
  applyRecords,
  type AppliedRecords,
  type PartitionProgress,
} from './processing/apply-records';
export type { DeadLetter, PartitionRecord } from './processing/partition-record';
export { ParkedIndex, type ParkedEntry } from './processing/parked-index';
export type { RawNotificationRecord } from './records/raw-notification';
export type { DeadLetterValue, LifecycleCodecs } from './records/lifecycle-codecs';
