import { toAvroCancellation } from '../events/cancellation-avro';
import type { CancellationEvent } from '../events/cancellation-event';
import type { CancellationDeadLetter } from '../events/dead-letter';
import { cancellationEventId } from '../events/identity';
import type { DeliveryOutcome } from '../delivery/delivery-outcome';
import type { CancellationRequest } from '../policy/cancellation-request';
import type { InputItem } from './input-item';

/** A request and how it ended. */
export interface Delivered {
  readonly request: CancellationRequest;
  readonly outcome: DeliveryOutcome;
}

/** What one input record produced. */
export type BatchEntry =
  | {
      readonly kind: 'delivered';
      readonly offset: string;
      readonly eventId: string;
      readonly delivered: readonly Delivered[];
    }
  | Extract<InputItem, { kind: 'undecodable' }>;

/** Records to write, keyed. */
export interface BatchOutputs {
  readonly cancellations: readonly CancellationEvent[];
  readonly deadLetters: readonly {
    readonly key: Buffer | string | null;
    readonly value: CancellationDeadLetter;
  }[];
}

/** The input partition the entries came from. */
export interface BatchSource {
  readonly topic: string;
  readonly partition: number;
}

/**
 * Pure: the output records of a batch, in input order. Each request that was carried out
 * gives `SubscriptionCancellationRequested` then `SubscriptionCancelled` or
 * `SubscriptionCancellationFailed` (the latter also dead-lettered); a superseded one gives
 * nothing; an unreadable input record gives a dead letter with its bytes.
 */
export function buildOutputs(entries: readonly BatchEntry[], source: BatchSource): BatchOutputs {
  const cancellations: CancellationEvent[] = [];
  const deadLetters: BatchOutputs['deadLetters'][number][] = [];
  const at = (offset: string) => ({
    sourceTopic: source.topic,
    sourcePartition: source.partition,
    sourceOffset: offset,
  });
  for (const entry of entries) {
    if (entry.kind === 'undecodable') {
      deadLetters.push({
        key: entry.key,
        value: {
          cancellation: null,
          errorCode: entry.error.code,
          errorMessage: entry.error.message,
          retriable: false,
          stage: 'decode',
          ...at(entry.offset),
          sourceEventId: null,
          sourceValue: entry.value,
        },
      });
      continue;
    }
    for (const { request, outcome } of entry.delivered) {
      if (outcome.kind === 'superseded') continue;
      const base = {
        subscriptionRef: request.subscriptionRef,
        orderKey: request.orderKey,
        merchantId: request.merchantId,
        provider: request.provider,
        adapter: request.adapter,
        cause: request.cause,
        causationId: request.causationId,
        idempotencyKey: request.idempotencyKey,
        occurredAt: request.occurredAt,
        ...(request.redrive && { redrive: request.redrive }),
      };
      const id = (type: CancellationEvent['type']) =>
        cancellationEventId(
          type,
          request.causationId,
          request.subscriptionRef,
          request.redrive?.deadLetterId,
        );
      cancellations.push({
        ...base,
        eventId: id('SubscriptionCancellationRequested'),
        type: 'SubscriptionCancellationRequested',
        attempts: 0,
      });
      if (outcome.kind === 'cancelled') {
        cancellations.push({
          ...base,
          eventId: id('SubscriptionCancelled'),
          type: 'SubscriptionCancelled',
          attempts: outcome.attempts,
          alreadyCancelled: outcome.alreadyCancelled,
        });
        continue;
      }
      const failed: CancellationEvent = {
        ...base,
        eventId: id('SubscriptionCancellationFailed'),
        type: 'SubscriptionCancellationFailed',
        attempts: outcome.attempts,
        lastError: outcome.failure,
      };
      cancellations.push(failed);
      deadLetters.push({
        key: request.subscriptionRef,
        value: {
          cancellation: toAvroCancellation(failed),
          errorCode: outcome.failure.code,
          errorMessage: outcome.failure.message,
          retriable: outcome.failure.retriable,
          stage: 'cancel',
          ...at(entry.offset),
          sourceEventId: entry.eventId,
          sourceValue: null,
        },
      });
    }
  }
  return { cancellations, deadLetters };
}
