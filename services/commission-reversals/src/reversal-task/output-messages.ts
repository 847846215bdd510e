import type { TopicMessages } from '@clawback/exactly-once';
import type { Message } from '@clawback/kafka';
import type { CommissionCodecs } from '../avro/commission-codecs';
import { affiliateKey } from '../rules/commission-adjustment';
import type { DecidedEvents } from '../rules/decide-events';

/** Where a batch's outputs go. */
export interface OutputTopics {
  readonly adjustments: string;
  readonly state: string;
  /** The input partition: the order states go to the changelog partition with this number. */
  readonly partition: number;
}

/**
 * Encodes what a batch decided: adjustments keyed by affiliate key (one affiliate's
 * adjustments stay in order in one partition, the ledger's booking order), and each changed
 * order's state keyed by order key on the input's partition number (where it is restored from).
 */
export async function outputMessages(
  decided: DecidedEvents,
  codecs: CommissionCodecs,
  topics: OutputTopics,
): Promise<readonly TopicMessages[]> {
  const adjustments: Message[] = [];
  for (const adjustment of decided.adjustments) {
    adjustments.push({
      key: affiliateKey(adjustment.merchantId, adjustment.affiliateId),
      value: await codecs.encodeAdjustment(adjustment),
      headers: { type: adjustment.type },
    });
  }
  const states: Message[] = [];
  for (const [orderKey, state] of decided.changed) {
    states.push({
      key: orderKey,
      value: await codecs.encodeState(orderKey, state),
      partition: topics.partition,
    });
  }
  return [
    { topic: topics.adjustments, messages: adjustments },
    { topic: topics.state, messages: states },
  ];
}
