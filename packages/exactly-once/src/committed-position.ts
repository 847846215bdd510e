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
  const positions = await committedPositions(admin, groupId, topic, startOffset);
  return positions.get(partition) ?? notCommitted(startOffset);
}

/**
 * The positions `groupId` committed for every partition of `topic`, by partition (see
 * {@link committedPosition}); e.g. to follow how far a group has come, or its lag.
 */
export async function committedPositions(
  admin: Admin,
  groupId: string,
  topic: string,
  startOffset = '0',
): Promise<ReadonlyMap<number, CommittedPosition>> {
  const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
  const partitions = offsets.find((candidate) => candidate.topic === topic)?.partitions ?? [];
  return new Map(
    partitions.map(({ partition, offset, metadata }): [number, CommittedPosition] => [
      partition,
      // kafkajs answers -1 for a partition the group never committed.
      BigInt(offset) < 0n
        ? notCommitted(startOffset)
        : { nextOffset: offset, metadata: metadata ?? null, committed: true },
    ]),
  );
}

function notCommitted(startOffset: string): CommittedPosition {
  return { nextOffset: startOffset, metadata: null, committed: false };
}
