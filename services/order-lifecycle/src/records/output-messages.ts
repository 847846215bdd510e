import type { LifecycleEvent, OrderState } from '@clawback/order-machine';
import type { Message } from '@clawback/kafka';
import type { TopicMessages } from '@clawback/exactly-once';
import type { DeadLetter } from '../processing/partition-record';
import type { LifecycleCodecs } from './lifecycle-codecs';

/** Where the outputs of one input partition go. */
export interface OutputTopics {
  readonly events: string;
  readonly state: string;
  readonly deadLetters: string;
  /** The input topic, named in dead letters. */
  readonly source: string;
  /** The input partition. */
  readonly partition: number;
  /**
   * Write events to the input's partition number (when the events topic has as many
   * partitions as the input), so one order's notifications and events share a partition.
   */
  readonly eventsCoPartitioned: boolean;
}

/** The records of one transaction, encoded. */
export interface OutputBatch {
  readonly topicMessages: readonly TopicMessages[];
  /** The encoded snapshots, in the order of the states given (and written). */
  readonly stateValues: readonly Buffer[];
}

/** What one batch derived, ready to encode. */
export interface DerivedOutputs {
  readonly events: readonly LifecycleEvent[];
  readonly states: readonly OrderState[];
  readonly deadLetters: readonly DeadLetter[];
}

/**
 * Encodes a batch's outputs as Kafka records. Snapshots always go to the input's partition
 * number of the state topic: that is where catching up reads them back, whatever partitioner
 * the producer of the input used.
 */
export async function outputMessages(
  outputs: DerivedOutputs,
  topics: OutputTopics,
  codecs: LifecycleCodecs,
): Promise<OutputBatch> {
  const events: Message[] = [];
  // One object shape per run (no conditional spread per event): the producer's encoder reads
  // every message's fields.
  const { eventsCoPartitioned, partition } = topics;
  for (const event of outputs.events) {
    const key = event.orderKey;
    const value = await codecs.encodeEvent(event);
    events.push(eventsCoPartitioned ? { key, value, partition } : { key, value });
  }
  const states: Message[] = [];
  const stateValues: Buffer[] = [];
  for (const state of outputs.states) {
    const value = await codecs.encodeState(state);
    stateValues.push(value);
    states.push({ key: state.orderKey, value, partition: topics.partition });
  }
  const deadLetters: Message[] = [];
  for (const letter of outputs.deadLetters) {
    deadLetters.push({
      key: letter.raw.orderKey !== '' ? letter.raw.orderKey : letter.raw.ingressId,
      value: await codecs.encodeDeadLetter({
        notification: letter.raw,
        errorCode: letter.errorCode,
        errorMessage: letter.errorMessage,
        stage: 'order-lifecycle',
        sourceTopic: topics.source,
        sourcePartition: topics.partition,
        sourceOffset: letter.offset,
      }),
    });
  }
  const topicMessages = [
    { topic: topics.events, messages: events },
    { topic: topics.state, messages: states },
    { topic: topics.deadLetters, messages: deadLetters },
  ].filter((entry) => entry.messages.length > 0);
  return { topicMessages, stateValues };
}
