/**
 * A `payments.notifications.raw` value (schemas/payments.notifications.raw.avsc) as avsc
 * decodes it: `receivedAt` is a timestamp-millis logical type, hence a `Date`.
 */
export interface RawNotificationValue {
  readonly ingressId: string;
  readonly provider: string;
  readonly merchantId: string;
  readonly orderKey: string;
  readonly receivedAt: Date;
  readonly contentType: string;
  readonly body: Buffer;
}

/** Where an input record sits in the log. */
export interface SourcePosition {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}
