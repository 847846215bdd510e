import type { KafkaMessage } from '@clawback/kafka';
import type { LifecycleEvent, OrderState } from '@clawback/order-machine';
import type { ReadRecord } from '@clawback/test-harness';
import { applyRecords } from '../processing/apply-records';
import { ParkedIndex } from '../processing/parked-index';
import type { LifecycleCodecs } from '../records/lifecycle-codecs';
import { toPartitionRecords } from '../records/to-partition-records';

/** What an undisturbed consumer must have written for a raw log. */
export interface ExpectedOutputs {
  /** Events per input partition, in order. */
  readonly events: ReadonlyMap<number, readonly LifecycleEvent[]>;
  /** Final state per order. */
  readonly states: ReadonlyMap<string, OrderState>;
  /** Dead-letter count per error code. */
  readonly deadLetters: ReadonlyMap<string, number>;
}

/**
 * A pure, in-memory run over the raw records as they sit in the topic: each partition in
 * offset order, all in one pass (no batches, no cache, no Kafka transactions). Whatever the
 * consumer does around crashes and restarts, its committed output must equal this.
 */
export async function expectedOutputs(
  raw: readonly ReadRecord[],
  codecs: LifecycleCodecs,
  orphanHorizonMs: number,
): Promise<ExpectedOutputs> {
  const events = new Map<number, LifecycleEvent[]>();
  const states = new Map<string, OrderState>();
  const deadLetters = new Map<string, number>();
  const partitions = [...new Set(raw.map((record) => record.partition))].sort((a, b) => a - b);
  for (const partition of partitions) {
    const messages = raw
      .filter((record) => record.partition === partition)
      .sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset)))
      .map(toKafkaMessage);
    const records = await toPartitionRecords(messages, codecs);
    const applied = applyRecords(
      { watermark: null, states: new Map(), parked: new ParkedIndex() },
      records,
      { orphanHorizonMs },
    );
    events.set(partition, [...applied.events]);
    for (const [orderKey, state] of applied.progress.states) states.set(orderKey, state);
    for (const letter of applied.deadLetters) {
      deadLetters.set(letter.errorCode, (deadLetters.get(letter.errorCode) ?? 0) + 1);
    }
  }
  return { events, states, deadLetters };
}

function toKafkaMessage(record: ReadRecord): KafkaMessage {
  const { key, value, offset, timestamp } = record;
  return { key, value, offset, timestamp, headers: record.headers ?? {}, attributes: 0 };
}
