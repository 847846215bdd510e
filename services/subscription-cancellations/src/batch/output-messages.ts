import type { Message } from '@clawback/kafka';
import type { BatchOutputs } from './build-outputs';
import type { CancellationCodecs } from './codecs';

/** Records for one topic. */
export interface TopicMessages {
  readonly topic: string;
  readonly messages: readonly Message[];
}

/**
 * Encodes a batch's outputs: cancellation events keyed by subscription ref (one subscription's
 * events stay in order in one partition), dead letters by subscription ref or input key.
 */
export async function outputMessages(
  outputs: BatchOutputs,
  codecs: CancellationCodecs,
  topics: { readonly cancellations: string; readonly cancellationsDlq: string },
): Promise<readonly TopicMessages[]> {
  const cancellations: Message[] = [];
  for (const event of outputs.cancellations) {
    cancellations.push({
      key: event.subscriptionRef,
      value: await codecs.encodeCancellation(event),
      headers: { type: event.type },
    });
  }
  const deadLetters: Message[] = [];
  for (const { key, value } of outputs.deadLetters) {
    deadLetters.push({ key, value: await codecs.encodeDeadLetter(value) });
  }
  return [
    { topic: topics.cancellations, messages: cancellations },
    { topic: topics.cancellationsDlq, messages: deadLetters },
  ].filter((topic) => topic.messages.length > 0);
}
