import { isClawbackError } from '@clawback/errors';
import { OPERATOR_SOURCE, isProviderName } from '@clawback/notifications';
import { ProvidersError, normalizeNotification, type NormalizeOptions } from '@clawback/providers';
import type { KafkaMessage } from '@clawback/kafka';
import {
  notificationRecord,
  receivedAtText,
  type PartitionRecord,
} from '../processing/partition-record';
import type { LifecycleCodecs } from './lifecycle-codecs';
import { InvalidOperatorCommand, toOperatorCommand } from './operator-command-record';
import type { RawNotificationRecord } from './raw-notification';

/** Per-merchant normalization settings (e.g. Kartra's currency); constant for a replay. */
export type NormalizeOptionsFor = (
  provider: string,
  merchantId: string,
) => NormalizeOptions | undefined;

/**
 * Decodes and normalizes input records for the pure core. A record that can never be used
 * (unreadable bytes, unknown provider, a body the adapter refuses, a key that is not its
 * order's) becomes `unusable` with a stable code; a transient failure (registry unreachable)
 * is thrown, so the batch is retried instead of dead-lettering a good record.
 */
export async function toPartitionRecords(
  messages: readonly KafkaMessage[],
  codecs: LifecycleCodecs,
  optionsFor: NormalizeOptionsFor = () => undefined,
): Promise<readonly PartitionRecord[]> {
  const records: PartitionRecord[] = [];
  for (const message of messages) {
    // One await per record, for the decode only: the rest is synchronous (no promise of its own).
    let raw: RawNotificationRecord;
    try {
      if (message.value === null) throw new Error('the record has no value');
      raw = await codecs.decodeRaw(message.value);
    } catch (error) {
      if (isClawbackError(error) && error.retriable) throw error;
      const errorMessage = messageOf(error);
      records.push(unusable(message.offset, opaque(message), 'undecodable_record', errorMessage));
      continue;
    }
    records.push(toPartitionRecord(message, raw, optionsFor));
  }
  return records;
}

function toPartitionRecord(
  message: KafkaMessage,
  raw: RawNotificationRecord,
  optionsFor: NormalizeOptionsFor,
): PartitionRecord {
  const { offset } = message;
  if (raw.provider === OPERATOR_SOURCE) return toCommandRecord(message, raw, optionsFor);
  if (!isProviderName(raw.provider)) {
    return unusable(offset, raw, 'unknown_provider', `no adapter for provider "${raw.provider}"`);
  }
  const receivedAt = receivedAtText(raw.receivedAt);
  if (receivedAt === null) {
    return unusable(
      offset,
      raw,
      'implausible_received_at',
      `receivedAt ${raw.receivedAt} is outside the plausible range`,
    );
  }
  try {
    const notification = normalizeNotification(
      {
        provider: raw.provider,
        merchantId: raw.merchantId,
        body: raw.body,
        contentType: raw.contentType,
        receivedAt,
      },
      optionsFor(raw.provider, raw.merchantId),
    );
    const key = message.key?.toString();
    if (notification.orderKey !== raw.orderKey || (key !== undefined && key !== raw.orderKey)) {
      return unusable(
        offset,
        raw,
        'order_key_mismatch',
        `record key ${key ?? '(none)'} / orderKey ${raw.orderKey}, but the body is about ${notification.orderKey}`,
      );
    }
    return notificationRecord(offset, raw, notification, receivedAt);
  } catch (error) {
    if (error instanceof ProvidersError) return unusable(offset, raw, error.code, error.message);
    // Normalizing is pure: whatever else it throws, it throws for these bytes every time, so
    // retrying would hold the partition forever. Dead-letter the record instead.
    return unusable(offset, raw, 'unprocessable_record', messageOf(error));
  }
}

/** An operator command record (ADR 0014), or a dead letter saying why it is not one. */
function toCommandRecord(
  message: KafkaMessage,
  raw: RawNotificationRecord,
  optionsFor: NormalizeOptionsFor,
): PartitionRecord {
  try {
    const command = toOperatorCommand(raw, message.key?.toString(), optionsFor);
    return { kind: 'command', offset: message.offset, raw, command };
  } catch (error) {
    if (error instanceof InvalidOperatorCommand)
      return unusable(message.offset, raw, 'invalid_operator_command', error.message);
    if (isClawbackError(error) && error.retriable) throw error;
    // Decoding a command is pure: any other failure repeats on every retry, so it must not
    // hold the partition.
    return unusable(message.offset, raw, 'unprocessable_record', messageOf(error));
  }
}

function unusable(
  offset: string,
  raw: RawNotificationRecord,
  errorCode: string,
  errorMessage: string,
): PartitionRecord {
  return { kind: 'unusable', offset, raw, errorCode, errorMessage };
}

/** A stand-in for a record that is not a readable `RawNotification`: its bytes, kept whole. */
function opaque(message: KafkaMessage): RawNotificationRecord {
  return {
    ingressId: '',
    provider: '',
    merchantId: '',
    orderKey: message.key?.toString() ?? '',
    receivedAt: Number(message.timestamp),
    contentType: 'application/octet-stream',
    body: message.value ?? Buffer.alloc(0),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
