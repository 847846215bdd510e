import type { KafkaClient } from '@clawback/kafka';

/** Prefixes whose leftovers this process already swept: once per process is enough. */
const swept = new Set<string>();

/**
 * Deletes consumer groups whose id starts with `${prefix}-` and that have no members: the
 * private groups of range reads whose process was killed before it could delete its own
 * (each restart after a kill would otherwise leave one more on the broker). Best effort: a
 * group still in use by another instance is not empty, so the broker refuses to delete it,
 * and any failure is ignored — leftovers only cost broker metadata.
 */
export async function sweepPrivateGroups(kafka: KafkaClient, prefix: string): Promise<void> {
  if (swept.has(prefix)) return;
  swept.add(prefix);
  const admin = kafka.admin();
  try {
    await admin.connect();
    const { groups } = await admin.listGroups();
    const candidates = groups.map((g) => g.groupId).filter((id) => id.startsWith(`${prefix}-`));
    if (candidates.length === 0) return;
    const described = await admin.describeGroups(candidates);
    const empty = described.groups
      .filter((g) => g.members.length === 0 && (g.state === 'Empty' || g.state === 'Dead'))
      .map((g) => g.groupId);
    if (empty.length > 0) await admin.deleteGroups(empty).catch(() => undefined);
  } catch {
    swept.delete(prefix);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Deletes one private group after its reader left it; best effort, like the sweep. */
export async function deletePrivateGroup(kafka: KafkaClient, groupId: string): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.deleteGroups([groupId]);
  } catch {
    // Left for the next process's sweep.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
