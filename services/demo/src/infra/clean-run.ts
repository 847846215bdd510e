import type { ClawbackConfig } from '@clawback/config';
import { createKafkaClient, deleteTopics, topicNames } from '@clawback/kafka';
import { createRedisClient, deleteKeysByPrefix, quitRedis } from '@clawback/redis';
import { runGroups, runRedisPrefix } from '../run/run-names';

/**
 * Deletes what run `id` created on the shared infrastructure: its topics, its consumer groups
 * and its Redis keys, so demo runs do not pile up on a developer's broker. Schema subjects stay
 * (a few small entries, and the registry keeps deleted versions around anyway). Best effort per
 * part: returns what could not be cleaned, for one warning line.
 */
export async function cleanRun(
  id: string,
  config: Pick<ClawbackConfig, 'kafka' | 'redis'>,
): Promise<readonly string[]> {
  const problems: string[] = [];
  const kafka = createKafkaClient(config.kafka, { clientId: `${id}-cleanup` });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const groups: readonly string[] = Object.values(runGroups(id));
    const listed = await admin.listGroups();
    const existing = new Set<string>(listed.groups.map((group) => group.groupId));
    // The admin service names a group per process under `<id>-admin`.
    const present: string[] = [
      ...groups.filter((group) => existing.has(group)),
      ...[...existing].filter((group) => group.startsWith(`${id}-admin`)),
    ];
    if (present.length > 0) await admin.deleteGroups(present);
    await deleteTopics(admin, Object.values(topicNames(id)));
  } catch (error) {
    problems.push(`Kafka: ${(error as Error).message}`);
  } finally {
    await admin.disconnect();
  }
  try {
    const redis = await createRedisClient(config.redis, {
      keyPrefix: runRedisPrefix(id),
      connectionName: `${id}-cleanup`,
    });
    try {
      await deleteKeysByPrefix(redis, '');
    } finally {
      await quitRedis(redis);
    }
  } catch (error) {
    problems.push(`Redis: ${(error as Error).message}`);
  }
  return problems;
}
