import type { Admin } from '@clawback/kafka';

/** Records on a topic: the sum of its partitions' high watermarks (fresh topics start at 0). */
export async function recordsOn(admin: Admin, topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, p) => sum + Number(p.high), 0);
}
