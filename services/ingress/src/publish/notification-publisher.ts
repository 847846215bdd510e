/**
 * The value written to `payments.notifications.raw`, field for field as in
 * `schemas/payments.notifications.raw.avsc`.
 */
export interface RawNotificationRecord {
  /** Unique per delivery (a provider's retry gets a new one). */
  readonly ingressId: string;
  readonly provider: string;
  readonly merchantId: string;
  /** `{provider}:{merchantId}:{orderRef}`; also the record key. */
  readonly orderKey: string;
  /** Epoch milliseconds, UTC. */
  readonly receivedAt: number;
  /** The Content-Type header as sent ('' when absent). */
  readonly contentType: string;
  /** The exact request body. */
  readonly body: Buffer;
}

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
