/**
 * A value of `payments.notifications.raw`, field for field as in
 * `schemas/payments.notifications.raw.avsc`: what the ingress writes and the lifecycle reads.
 * The registry client applies no logical types, so `receivedAt` (timestamp-millis) is a number.
 */
export interface RawNotificationRecord {
  /** Unique per delivery (a provider's retry gets a new one). */
  readonly ingressId: string;
  readonly provider: string;
  readonly merchantId: string;
  /** `{provider}:{merchantId}:{orderRef}`; also the record key. */
  readonly orderKey: string;
  /** Ingress wall-clock time of receipt, epoch milliseconds, UTC. */
  readonly receivedAt: number;
  /** The Content-Type header as sent ('' when absent). */
  readonly contentType: string;
  /** The exact request body (Kartra's echoed secret redacted, see docs/providers.md). */
  readonly body: Buffer;
}
