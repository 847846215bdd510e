import type { Admin } from '@clawback/kafka';

/** Input records not yet committed by `groupId`, summed over the topic's partitions. */
export async function uncommitted(admin: Admin, groupId: string, topic: string): Promise<bigint> {
  const [ends, committed] = await Promise.all([
    admin.fetchTopicOffsets(topic),
    admin.fetchOffsets({ groupId, topics: [topic] }),
  ]);
  const done = new Map(
    (committed.find((entry) => entry.topic === topic)?.partitions ?? []).map((p) => [
      p.partition,
      BigInt(p.offset),
    ]),
  );
  let left = 0n;
  for (const { partition, high } of ends) {
    const at = done.get(partition) ?? -1n;
    const behind = BigInt(high) - (at < 0n ? 0n : at);
    if (behind > 0n) left += behind;
  }
  return left;
}
