import type { TopicNames } from '@clawback/kafka';
import type { OrderLifecycleEvent } from '@clawback/order-machine';
import type { AvroRegistry } from '@clawback/schema-registry';
import type { CommissionAdjustment } from '../rules/commission-adjustment';
import type { CommissionState } from '../rules/commission-state';
import { type AvroCommissionAdjustment, toAvroAdjustment } from './adjustment-avro';
import { type AvroCommissionState, fromAvroState, toAvroState } from './state-avro';

/**
 * The Avro encodings the service reads and writes (Confluent wire format). Errors are the
 * registry's: unreachable is retriable, unreadable bytes are not.
 */
export interface CommissionCodecs {
  decodeLifecycleEvent(value: Buffer): Promise<OrderLifecycleEvent>;
  encodeAdjustment(adjustment: CommissionAdjustment): Promise<Buffer>;
  decodeAdjustment(value: Buffer): Promise<AvroCommissionAdjustment>;
  encodeState(orderKey: string, state: CommissionState): Promise<Buffer>;
  decodeState(value: Buffer): Promise<CommissionState>;
}

/** {@link CommissionCodecs} over the schema registry, writing with the schemas registered at start. */
export function registryCodecs(
  registry: AvroRegistry,
  topics: Pick<TopicNames, 'commissionAdjustments' | 'commissionState'>,
): CommissionCodecs {
  return {
    decodeLifecycleEvent: (value) => registry.decode<OrderLifecycleEvent>(value),
    encodeAdjustment: (adjustment) =>
      registry.encode(topics.commissionAdjustments, toAvroAdjustment(adjustment)),
    decodeAdjustment: (value) => registry.decode<AvroCommissionAdjustment>(value),
    encodeState: (orderKey, state) =>
      registry.encode(topics.commissionState, toAvroState(orderKey, state)),
    decodeState: async (value) => fromAvroState(await registry.decode<AvroCommissionState>(value)),
  };
}
