/**
 * The order-lifecycle consumer: raw notifications in, lifecycle events, state snapshots and
 * dead letters out, exactly once (docs/adr/0005-exactly-once-order-lifecycle.md).
 */
export { startOrderLifecycle } from './service/start-order-lifecycle';
export { loadLifecycleSettings } from './settings/lifecycle-settings';
