import type { RawNotificationRecord } from '@clawback/notifications';

export type { RawNotificationRecord };

/** Writes raw notifications to Kafka. */
export interface NotificationPublisher {
  /**
   * Resolves only once Kafka acknowledged the record with acks from all in-sync replicas;
   * rejects (or never settles while the broker is away) otherwise.
   */
  publish(record: RawNotificationRecord): Promise<void>;
  /** Whether Kafka can take records now, for `/readyz`. */
  isReady(): Promise<boolean>;
}
