import type { Admin } from '@clawback/kafka';
import { waitFor } from '@clawback/test-harness';

/** The end offset of every partition of `topic`. */
export async function endOffsets(
  admin: Admin,
  topic: string,
): Promise<ReadonlyMap<number, bigint>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(offsets.map((p) => [p.partition, BigInt(p.high)]));
}

/** Records between `groupId`'s committed offsets and `ends`, over all partitions. */
async function uncommitted(
  admin: Admin,
  groupId: string,
  topic: string,
  ends: ReadonlyMap<number, bigint>,
): Promise<bigint> {
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const at = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
  let left = 0n;
  for (const [partition, end] of ends) {
    const offset = at.get(partition) ?? -1n;
    // A commit past the end counts as done: a transaction's marker takes an offset too, so a
    // topic written in transactions ends one past its last record.
    if (offset < end) left += end - (offset < 0n ? 0n : offset);
  }
  return left;
}

/**
 * Waits until `groupId` has committed every partition of `topic` up to `ends`: the moment of
 * the last commit, to within `intervalMs`.
 */
export async function waitForCommitted(
  admin: Admin,
  groupId: string,
  topic: string,
  ends: ReadonlyMap<number, bigint>,
  options: { readonly timeoutMs: number; readonly intervalMs?: number },
): Promise<void> {
  await waitFor(async () => (await uncommitted(admin, groupId, topic, ends)) === 0n, {
    timeoutMs: options.timeoutMs,
    intervalMs: options.intervalMs ?? 100,
    description: `group ${groupId} to commit ${topic} to its end`,
  });
}
