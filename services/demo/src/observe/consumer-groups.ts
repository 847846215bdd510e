import type { Admin } from '@clawback/kafka';

/** True once the group is stable with at least one member holding partitions. */
export async function groupHasJoined(admin: Admin, groupId: string): Promise<boolean> {
  const { groups } = await admin.describeGroups([groupId]);
  const group = groups[0];
  return group?.state === 'Stable' && group.members.length > 0;
}

/**
 * True once the group has committed past every offset in `lastOffsets` (partition → offset of
 * the last record read): the consumer has processed everything read so far, and, since our
 * consumers commit their offsets with their outputs, its outputs are committed too. Compares
 * with record offsets rather than end offsets, because a transactional topic ends with a
 * commit marker no consumer ever commits past.
 */
export async function groupHasConsumed(
  admin: Admin,
  groupId: string,
  topic: string,
  lastOffsets: ReadonlyMap<number, bigint>,
): Promise<boolean> {
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const done = new Map(committed?.partitions.map((p) => [p.partition, BigInt(p.offset)]));
  return [...lastOffsets].every(([partition, last]) => (done.get(partition) ?? -1n) > last);
}

/** Partition → offset of the last of `records`. */
export function lastOffsetsOf(
  records: readonly { readonly partition: number; readonly offset: string }[],
): Map<number, bigint> {
  const last = new Map<number, bigint>();
  for (const record of records) {
    const offset = BigInt(record.offset);
    if (offset > (last.get(record.partition) ?? -1n)) last.set(record.partition, offset);
  }
  return last;
}
