import { isRetriable } from '@clawback/errors';
import { readPartitionRange } from '@clawback/exactly-once';
import type { KafkaClient } from '@clawback/kafka';
import type { AvroRedriveCommand } from './redrive-command';

/** What {@link redrivenDeadLetters} needs. */
export interface RedrivenReadOptions {
  readonly kafka: KafkaClient;
  readonly topic: string;
  readonly partition: number;
  /** The committed position: every command below it was processed. */
  readonly toOffset: string;
  readonly decode: (value: Buffer) => Promise<unknown>;
  readonly groupIdPrefix: string;
  readonly timeoutMs: number;
}

/**
 * The dead letters the committed commands of one redrive partition named: read back from the
 * log when a task opens, so "once per dead letter" holds across restarts without other state.
 * Commands of one subscription share a key and so a partition; a redrive topic holds operator
 * commands only, so the read is short. Unreadable commands were dead-lettered and name nothing.
 */
export async function redrivenDeadLetters(options: RedrivenReadOptions): Promise<Set<string>> {
  const ids = new Set<string>();
  await readPartitionRange(
    options.kafka,
    {
      topic: options.topic,
      partition: options.partition,
      fromOffset: '0',
      toOffset: options.toOffset,
    },
    {
      groupIdPrefix: options.groupIdPrefix,
      timeoutMs: options.timeoutMs,
      onMessages: async (messages) => {
        for (const message of messages) {
          if (message.value === null) continue;
          // An unreachable registry fails the open (retried); a missed id could redrive twice.
          const command = (await options.decode(message.value).catch((error: unknown) => {
            if (isRetriable(error)) throw error;
            return null;
          })) as AvroRedriveCommand | null;
          if (command?.deadLetterId) ids.add(command.deadLetterId);
        }
      },
    },
  );
  return ids;
}
