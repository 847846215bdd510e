import type { KafkaMessage } from '@clawback/kafka';
import {
  type LifecycleEvent,
  type OrderLifecycleEvent,
  toAvroEvent,
} from '@clawback/order-machine';
import { SchemaRegistryError } from '@clawback/schema-registry';
import type { CancellationCodecs } from '../batch/codecs';
import { toAvroCancellation } from '../events/cancellation-avro';

/** Codecs over JSON, for unit tests: same shapes as the Avro ones, no registry. */
export const jsonCodecs: CancellationCodecs = {
  decodeLifecycleEvent: (value) => {
    try {
      return Promise.resolve(JSON.parse(value.toString()) as OrderLifecycleEvent);
    } catch (cause) {
      return Promise.reject(new SchemaRegistryError('decode_failed', 'not JSON', { cause }));
    }
  },
  encodeCancellation: (event) =>
    Promise.resolve(Buffer.from(JSON.stringify(toAvroCancellation(event)))),
  decodeCancellation: (value) => Promise.resolve(JSON.parse(value.toString())),
  encodeDeadLetter: (value) => Promise.resolve(Buffer.from(JSON.stringify(value))),
};

/** Input records as kafkajs hands them over, from offset `first` on. */
export function lifecycleMessages(
  values: readonly (LifecycleEvent | Buffer)[],
  first = 0,
): KafkaMessage[] {
  return values.map((value, index) => {
    const raw = Buffer.isBuffer(value);
    return {
      key: Buffer.from(raw ? 'k' : value.orderKey),
      value: raw ? value : Buffer.from(JSON.stringify(toAvroEvent(value))),
      offset: String(first + index),
      timestamp: '0',
      attributes: 0,
      headers: {},
    };
  });
}
