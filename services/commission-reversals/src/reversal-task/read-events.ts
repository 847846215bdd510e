import { isRetriable } from '@clawback/errors';
import type { KafkaMessage } from '@clawback/kafka';
import { fromAvroEvent, type LifecycleEvent } from '@clawback/order-machine';
import type { CommissionCodecs } from '../avro/commission-codecs';
import { CommissionError } from '../commission-error';

/** Lifecycle event types that can earn or move a commission; others are not even mapped. */
const RELEVANT_TYPES: ReadonlySet<string> = new Set([
  'OrderPaid',
  'RefundApplied',
  'ChargebackOpened',
  'ChargebackWon',
  'ChargebackLost',
  'PaymentDenied',
]);

/**
 * The commission-relevant lifecycle events of a batch, in offset order. Other types (and
 * types added after this version) are skipped.
 *
 * @throws CommissionError `lifecycle_event_undecodable` (not retriable) for a record that can
 *   never be read: the partition stops there, visible as lag and in the logs, instead of
 *   booking balances without it. A registry that cannot be reached throws its retriable error.
 */
export async function readEvents(
  messages: readonly KafkaMessage[],
  codecs: CommissionCodecs,
): Promise<readonly LifecycleEvent[]> {
  const events: LifecycleEvent[] = [];
  for (const message of messages) {
    if (message.value === null) continue;
    try {
      const record = await codecs.decodeLifecycleEvent(message.value);
      if (RELEVANT_TYPES.has(record.type)) events.push(fromAvroEvent(record));
    } catch (error) {
      if (isRetriable(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new CommissionError(
        'lifecycle_event_undecodable',
        `offset ${message.offset}: ${reason}`,
        { cause: error },
      );
    }
  }
  return events;
}
