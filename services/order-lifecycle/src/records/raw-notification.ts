export type { RawNotificationRecord } from '@clawback/notifications';

/** Where an input record sits in the log. */
export interface SourcePosition {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}
