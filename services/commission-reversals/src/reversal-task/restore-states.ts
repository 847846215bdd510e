import type { Admin, KafkaClient } from '@clawback/kafka';
import { type Heartbeat, readPartitionRange } from '@clawback/exactly-once';
import type { CommissionCodecs } from '../avro/commission-codecs';
import type { CommissionState } from '../rules/commission-state';

/** What {@link restoreStates} needs. */
export interface RestoreDeps {
  readonly kafka: KafkaClient;
  readonly admin: Admin;
  readonly codecs: CommissionCodecs;
  /** The (possibly prefixed) `affiliates.commission.state` topic. */
  readonly stateTopic: string;
  readonly groupIdPrefix: string;
  readonly timeoutMs: number;
}

/**
 * The commission state of every order of one partition, read from the changelog partition
 * with the same number, from its start to its end (latest value per order wins; a tombstone
 * removes it). Called right after the partition's producer fenced the previous owner, so the
 * end read here is exactly the state that goes with the committed input offset.
 */
export async function restoreStates(
  deps: RestoreDeps,
  partition: number,
  heartbeat: Heartbeat,
): Promise<Map<string, CommissionState>> {
  const offsets = await deps.admin.fetchTopicOffsets(deps.stateTopic);
  const range = offsets.find((entry) => entry.partition === partition);
  const states = new Map<string, CommissionState>();
  if (range === undefined) return states;
  await readPartitionRange(
    deps.kafka,
    { topic: deps.stateTopic, partition, fromOffset: range.low, toOffset: range.high },
    {
      groupIdPrefix: deps.groupIdPrefix,
      timeoutMs: deps.timeoutMs,
      heartbeat,
      onMessages: async (messages) => {
        for (const message of messages) {
          const orderKey = message.key?.toString();
          if (orderKey === undefined) continue;
          if (message.value === null) states.delete(orderKey);
          else states.set(orderKey, await deps.codecs.decodeState(message.value));
        }
      },
    },
  );
  return states;
}
