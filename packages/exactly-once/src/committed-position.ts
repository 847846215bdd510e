import type { Admin } from '@clawback/kafka';

/** Where a consumer group stands on one partition. */
export interface CommittedPosition {
  /** The next offset to process: the committed one, or `startOffset` when none was committed. */
  readonly nextOffset: string;
  /** The metadata committed with the offset, `null` when none (or nothing committed). */
  readonly metadata: string | null;
  /** Whether the group ever committed an offset for the partition. */
  readonly committed: boolean;
}

/**
 * The position `groupId` committed for one input partition. Read it right after the
 * partition's transactional producer fenced the previous owner: from then on only this
 * instance commits for the partition, so this is where processing continues, whatever
 * kafkajs's own fetch position says.
 */
export async function committedPosition(
  admin: Admin,
  groupId: string,
  topic: string,
  partition: number,
  startOffset = '0',
): Promise<CommittedPosition> {
  const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
  const entry = offsets
    .find((candidate) => candidate.topic === topic)
    ?.partitions.find((candidate) => candidate.partition === partition);
  const offset = entry?.offset ?? '-1';
  if (BigInt(offset) < 0n) return { nextOffset: startOffset, metadata: null, committed: false };
  return { nextOffset: offset, metadata: entry?.metadata ?? null, committed: true };
}
