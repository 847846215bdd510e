/**
 * A `payments.notifications.raw` value (schemas/payments.notifications.raw.avsc) as the
 * registry client decodes it: logical types are not applied, so `receivedAt` (timestamp-millis)
 * is epoch milliseconds.
 */
export interface RawNotificationValue {
  readonly ingressId: string;
  readonly provider: string;
  readonly merchantId: string;
  readonly orderKey: string;
  readonly receivedAt: number;
  readonly contentType: string;
  readonly body: Buffer;
}

/** Where an input record sits in the log. */
export interface SourcePosition {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}
