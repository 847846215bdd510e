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
