import { isRetriable } from '@clawback/errors';
import type { KafkaMessage } from '@clawback/kafka';
import { fromAvroEvent, type LifecycleEvent } from '@clawback/order-machine';
import { CancellationError } from '../cancellation-error';
import type { CancellationCodecs } from './codecs';

/** Lifecycle event types that can cancel subscriptions; others are not even mapped. */
const CAUSE_TYPES: ReadonlySet<string> = new Set([
  'RefundApplied',
  'ChargebackLost',
  'PaymentDenied',
]);

/** One input record, read. */
export type InputItem =
  | { readonly kind: 'event'; readonly offset: string; readonly event: LifecycleEvent }
  | { readonly kind: 'other'; readonly offset: string }
  | {
      readonly kind: 'undecodable';
      readonly offset: string;
      readonly key: Buffer | null;
      readonly value: Buffer;
      readonly error: CancellationError;
    };

/**
 * Reads one record of `orders.lifecycle.events`. Types that cannot cause a cancellation
 * (including types added after this version) are `other`; bytes that can never be read are
 * `undecodable` (dead-lettered); a registry that cannot be reached throws (the batch is redone).
 */
export async function readInput(
  message: KafkaMessage,
  codecs: CancellationCodecs,
): Promise<InputItem> {
  const { offset, value } = message;
  if (value === null) return { kind: 'other', offset };
  try {
    const record = await codecs.decodeLifecycleEvent(value);
    if (!CAUSE_TYPES.has(record.type)) return { kind: 'other', offset };
    return { kind: 'event', offset, event: fromAvroEvent(record) };
  } catch (error) {
    if (isRetriable(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    return {
      kind: 'undecodable',
      offset,
      key: message.key,
      value,
      error: new CancellationError('lifecycle_event_undecodable', `offset ${offset}: ${reason}`, {
        cause: error,
      }),
    };
  }
}
