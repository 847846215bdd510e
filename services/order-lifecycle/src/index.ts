/**
 * The order-lifecycle consumer: raw notifications in, lifecycle events, state snapshots and
 * dead letters out, exactly once (docs/adr/0005-exactly-once-order-lifecycle.md).
 */
export { startOrderLifecycle, type RunningOrderLifecycle } from './service/start-order-lifecycle';
export { defaultLifecycleSettings, loadLifecycleSettings } from './settings/lifecycle-settings';
