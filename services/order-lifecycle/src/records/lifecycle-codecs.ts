import type { LifecycleEvent, OrderState } from '@clawback/order-machine';
import type { RawNotificationRecord } from './raw-notification';

/** A `payments.notifications.dlq` value (schemas/payments.notifications.dlq.avsc). */
export interface DeadLetterValue {
  readonly notification: RawNotificationRecord;
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly stage: string;
  readonly sourceTopic: string;
  readonly sourcePartition: number;
  readonly sourceOffset: string;
}

/**
 * The Avro encodings the consumer reads and writes (Confluent wire format, schemas in
 * `schemas/`). Decoding failures of the input must be told apart from an unreachable registry:
 * implementations throw a non-retriable error for bytes that can never be decoded (they are
 * dead-lettered) and a retriable one for everything else (the batch is retried).
 */
export interface LifecycleCodecs {
  decodeRaw(value: Buffer): Promise<RawNotificationRecord>;
  encodeEvent(event: LifecycleEvent): Promise<Buffer>;
  encodeState(state: OrderState): Promise<Buffer>;
  decodeState(value: Buffer): Promise<OrderState>;
  encodeDeadLetter(value: DeadLetterValue): Promise<Buffer>;
}
