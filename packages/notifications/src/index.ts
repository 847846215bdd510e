export { PROVIDERS, isProviderName, orderKeyOf, type ProviderName } from './provider';
export type {
  CanonicalNotification,
  NotificationAffiliate,
  NotificationKind,
  NotificationLine,
  RefundScope,
  LineQuantities,
} from './canonical-notification';
export type { RawNotificationRecord } from './raw-notification-record';
export {
  OPERATOR_COMMAND_CONTENT_TYPE,
  OPERATOR_RESOLUTIONS,
  OPERATOR_SOURCE,
  type OperatorCommand,
  type OperatorCommandBody,
  type OperatorCommandSubject,
  type OperatorResolution,
} from './operator-command';
export { encodeOperatorCommand, operatorCommandSubject } from './operator-command-record';
export {
  EARLIEST_PROVIDER_TIME_MS,
  LATEST_PROVIDER_TIME_MS,
  PROVIDER_TIME_FUTURE_SKEW_MS,
  providerTimeCeiling,
  providerTimeProblem,
} from './provider-time';
