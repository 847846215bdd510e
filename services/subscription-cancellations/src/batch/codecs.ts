import type { OrderLifecycleEvent } from '@clawback/order-machine';
import type { AvroRegistry } from '@clawback/schema-registry';
import { type AvroCancellationEvent, toAvroCancellation } from '../events/cancellation-avro';
import type { CancellationEvent } from '../events/cancellation-event';
import type { CancellationDeadLetter } from '../events/dead-letter';

/**
 * The Avro encodings the service reads and writes (Confluent wire format). Decoders throw the
 * registry's errors unchanged: unreachable is retriable (the batch is redone), unreadable bytes
 * are not (the record is dead-lettered).
 */
export interface CancellationCodecs {
  decodeLifecycleEvent(value: Buffer): Promise<OrderLifecycleEvent>;
  encodeCancellation(event: CancellationEvent): Promise<Buffer>;
  decodeCancellation(value: Buffer): Promise<AvroCancellationEvent>;
  encodeDeadLetter(value: CancellationDeadLetter): Promise<Buffer>;
}

/** {@link CancellationCodecs} over the schema registry, writing with the topics' latest schemas. */
export function registryCodecs(
  registry: AvroRegistry,
  topics: { readonly cancellations: string; readonly cancellationsDlq: string },
): CancellationCodecs {
  return {
    decodeLifecycleEvent: (value) => registry.decode<OrderLifecycleEvent>(value),
    encodeCancellation: (event) => registry.encode(topics.cancellations, toAvroCancellation(event)),
    decodeCancellation: (value) => registry.decode<AvroCancellationEvent>(value),
    encodeDeadLetter: (value) => registry.encode(topics.cancellationsDlq, value),
  };
}
