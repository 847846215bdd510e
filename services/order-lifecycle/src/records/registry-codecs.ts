import {
  fromAvroState,
  toAvroEvent,
  toAvroState,
  type AvroOrderState,
} from '@clawback/order-machine';
import type { AvroRegistry } from '@clawback/schema-registry';
import type { LifecycleCodecs } from './lifecycle-codecs';
import type { RawNotificationRecord } from './raw-notification';

/** The topics whose latest registered value schemas the codecs write with. */
export interface CodecTopics {
  readonly events: string;
  readonly state: string;
  readonly deadLetters: string;
}

/**
 * {@link LifecycleCodecs} over the schema registry. Registry errors keep their own codes:
 * unreachable is retriable (the batch is retried), bytes that do not decode are not (the
 * record is dead-lettered).
 */
export function registryCodecs(registry: AvroRegistry, topics: CodecTopics): LifecycleCodecs {
  return {
    decodeRaw: (value) => registry.decode<RawNotificationRecord>(value),
    encodeEvent: (event) => registry.encode(topics.events, toAvroEvent(event)),
    encodeState: (state) => registry.encode(topics.state, toAvroState(state)),
    decodeState: async (value) => fromAvroState(await registry.decode<AvroOrderState>(value)),
    encodeDeadLetter: (value) => registry.encode(topics.deadLetters, value),
  };
}
