import { createKafkaClient } from '@clawback/kafka';
import type { HostPort } from '../config/addresses';

/**
 * True when the brokers answer a metadata request with at least one broker, through the same
 * client the services use (which also proves the client listener, not the controller one, is
 * at this address).
 */
export async function kafkaServesMetadata(
  brokers: readonly HostPort[],
  timeoutMs = 3000,
): Promise<boolean> {
  const kafka = createKafkaClient(
    {
      brokers: brokers.map((b) => `${b.host}:${b.port}`),
      clientId: 'clawback-infra-probe',
      transactionalIdPrefix: 'clawback-infra-probe',
      topicPrefix: '',
      replicationFactor: 1,
      minInSyncReplicas: 1,
    },
    { timeoutMs, retries: 0 },
  );
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
