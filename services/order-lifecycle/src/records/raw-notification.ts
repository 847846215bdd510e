export type { RawNotificationRecord } from '@clawback/notifications';
