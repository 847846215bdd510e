import type { Admin } from '@clawback/kafka';

/**
 * The offset the group committed for one input partition, `0` when none. Read right after the
 * partition's producer fenced its previous owner: from then on only this instance commits for
 * the partition, so this is where processing continues, whatever kafkajs's fetch position says.
 */
export async function committedOffset(
  admin: Admin,
  groupId: string,
  topic: string,
  partition: number,
): Promise<string> {
  const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
  const offset =
    offsets
      .find((entry) => entry.topic === topic)
      ?.partitions.find((entry) => entry.partition === partition)?.offset ?? '-1';
  return BigInt(offset) < 0n ? '0' : offset;
}
