import {
  OPERATOR_COMMAND_CONTENT_TYPE,
  OPERATOR_SOURCE,
  type OperatorCommandBody,
  type RawNotificationRecord,
} from '@clawback/notifications';
import type { KafkaMessage } from '@clawback/kafka';
import type { OrderLifecycleEvent } from '@clawback/order-machine';
import { OPERATOR_HEADER, REASON_HEADER, REDRIVE_HEADER } from '../cases/case-sources';
import type { FailedCancellation, LogEntry, LogPosition } from './log-entry';

/** Which topic a record came from, by role. */
export type SourceTopic = 'events' | 'raw' | 'rawDeadLetters' | 'cancellationDeadLetters';

/** Decodes a Confluent-framed Avro value (the schema registry client). */
export type DecodeValue = (value: Buffer) => Promise<unknown>;

function header(message: KafkaMessage, name: string): string | null {
  const value = message.headers?.[name];
  if (value === undefined) return null;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? null : first.toString();
}

function commandOf(raw: RawNotificationRecord): OperatorCommandBody | null {
  if (raw.provider !== OPERATOR_SOURCE || raw.contentType !== OPERATOR_COMMAND_CONTENT_TYPE)
    return null;
  try {
    return JSON.parse(raw.body.toString('utf8')) as OperatorCommandBody;
  } catch {
    return null; // the lifecycle dead-letters it; that dead letter is the case
  }
}

interface RawDeadLetterValue {
  readonly notification: RawNotificationRecord;
  readonly errorCode: string;
  readonly errorMessage: string;
}

interface CancellationDeadLetterValue {
  readonly cancellation: FailedCancellation | null;
  readonly errorCode: string;
  readonly errorMessage: string;
}

/**
 * The {@link LogEntry} of one record of the topics the cases projection folds, or `null` for a
 * record without a value. Values are decoded by the registry, like every other reader does.
 */
export async function decodeEntry(
  source: SourceTopic,
  position: Omit<LogPosition, 'timestamp'>,
  message: KafkaMessage,
  decode: DecodeValue,
): Promise<LogEntry | null> {
  if (message.value === null) return null;
  const at: LogPosition = { ...position, timestamp: Number(message.timestamp) };
  const value = await decode(message.value);
  if (source === 'events')
    return { source: 'event', position: at, event: value as OrderLifecycleEvent };
  if (source === 'raw') {
    const raw = value as RawNotificationRecord;
    const redriveOf = header(message, REDRIVE_HEADER);
    return {
      source: 'raw',
      position: at,
      raw,
      command: commandOf(raw),
      redrive:
        redriveOf === null
          ? null
          : {
              deadLetterId: redriveOf,
              operatorId: header(message, OPERATOR_HEADER) ?? '',
              reason: header(message, REASON_HEADER) ?? '',
            },
    };
  }
  const queue = source === 'rawDeadLetters' ? 'raw' : 'cancellations';
  const id = `${queue}-${at.partition}-${at.offset}`;
  if (queue === 'raw') {
    const d = value as RawDeadLetterValue;
    return {
      source: 'dead_letter',
      deadLetter: {
        id,
        queue,
        position: at,
        orderKey: d.notification.orderKey,
        merchantId: d.notification.merchantId,
        provider: d.notification.provider,
        errorCode: d.errorCode,
        errorMessage: d.errorMessage,
        deadLetteredAt: at.timestamp,
        raw: d.notification,
        cancellationEventId: null,
        cancellation: null,
      },
    };
  }
  const d = value as CancellationDeadLetterValue;
  return {
    source: 'dead_letter',
    deadLetter: {
      id,
      queue,
      position: at,
      orderKey: d.cancellation?.orderKey ?? message.key?.toString() ?? '',
      merchantId: d.cancellation?.merchantId ?? '',
      provider: d.cancellation?.provider ?? '',
      errorCode: d.errorCode,
      errorMessage: d.errorMessage,
      deadLetteredAt: at.timestamp,
      raw: null,
      cancellationEventId: d.cancellation?.eventId ?? null,
      cancellation: d.cancellation === null ? null : failedCancellation(d.cancellation),
    },
  };
}

/** Only the fields a redrive carries, whatever else the decoded record holds. */
function failedCancellation(c: FailedCancellation): FailedCancellation {
  return {
    eventId: c.eventId,
    subscriptionRef: c.subscriptionRef,
    orderKey: c.orderKey,
    merchantId: c.merchantId,
    provider: c.provider,
    adapter: c.adapter,
    cause: c.cause,
    causationId: c.causationId,
    idempotencyKey: c.idempotencyKey,
    occurredAt: Number(c.occurredAt),
  };
}
