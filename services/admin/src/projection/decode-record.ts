import type { KafkaMessage, TopicNames } from '@clawback/kafka';
import { decodeEntry, type DecodeValue, type SourceTopic } from '../log/decode-entry';
import type {
  AdjustmentValue,
  CancellationValue,
  TimelineRecord,
} from '../timeline/timeline-record';

/** The topics the admin service folds, by role. */
export const READ_TOPICS = [
  'lifecycleEvents',
  'notificationsRaw',
  'notificationsDlq',
  'cancellationsDlq',
  'commissionAdjustments',
  'cancellations',
] as const satisfies readonly (keyof TopicNames)[];

const SOURCES: Partial<Record<keyof TopicNames, SourceTopic>> = {
  lifecycleEvents: 'events',
  notificationsRaw: 'raw',
  notificationsDlq: 'rawDeadLetters',
  cancellationsDlq: 'cancellationDeadLetters',
};

/** The role of a topic name among {@link READ_TOPICS}, or `undefined`. */
export function roleOf(topics: TopicNames, topic: string): keyof TopicNames | undefined {
  return READ_TOPICS.find((role) => topics[role] === topic);
}

/** The timeline record of one message of a read topic, or `null` for one without a value. */
export async function decodeRecord(
  role: keyof TopicNames,
  position: { readonly topic: string; readonly partition: number; readonly offset: string },
  message: KafkaMessage,
  decode: DecodeValue,
): Promise<TimelineRecord | null> {
  const source = SOURCES[role];
  if (source !== undefined) return decodeEntry(source, position, message, decode);
  if (message.value === null) return null;
  const at = { ...position, timestamp: Number(message.timestamp) };
  const value = await decode(message.value);
  return role === 'commissionAdjustments'
    ? { source: 'adjustment', position: at, adjustment: value as AdjustmentValue }
    : { source: 'cancellation', position: at, cancellation: value as CancellationValue };
}
