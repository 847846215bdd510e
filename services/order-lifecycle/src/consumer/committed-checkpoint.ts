import type { Admin } from '@clawback/kafka';
import { decodeCheckpoint, type PartitionCheckpoint } from '../exactly-once/checkpoint';

/**
 * The checkpoint the group committed for one input partition. Read only after this instance
 * fenced the partition's previous owner: from then on nobody else can commit for it, so this
 * is where processing must continue, whatever kafkajs's own fetch position says.
 */
export async function committedCheckpoint(
  admin: Admin,
  groupId: string,
  topic: string,
  partition: number,
): Promise<PartitionCheckpoint> {
  const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
  const entry = offsets
    .find((candidate) => candidate.topic === topic)
    ?.partitions.find((candidate) => candidate.partition === partition);
  return decodeCheckpoint(entry?.offset ?? '-1', entry?.metadata ?? null, '0');
}
