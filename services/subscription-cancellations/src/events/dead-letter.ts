import type { AvroCancellationEvent } from './cancellation-avro';

/** Where a dead letter gave up. */
type DeadLetterStage = 'decode' | 'cancel';

/** A `subscriptions.cancellations.dlq` value (schemas/subscriptions.cancellations.dlq.avsc). */
export interface CancellationDeadLetter {
  /** The `SubscriptionCancellationFailed` event; null when the input could not be decoded. */
  readonly cancellation: AvroCancellationEvent | null;
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly retriable: boolean;
  readonly stage: DeadLetterStage;
  readonly sourceTopic: string;
  readonly sourcePartition: number;
  readonly sourceOffset: string;
  readonly sourceEventId: string | null;
  readonly sourceValue: Buffer | null;
}
