import {
  createTransactionalProducer,
  initTransactions,
  transactionalIdFor,
  type Producer,
} from '@clawback/kafka';
import type { PartitionTaskDeps } from './partition-task-deps';

/**
 * Connects the transactional producer that owns one input partition and registers its id with
 * the coordinator now. kafkajs would register it lazily, at the first transaction. Registering
 * bumps the epoch, so the previous holder's open transaction is aborted and its later commits
 * are refused.
 */
export async function openFencedProducer(
  deps: Pick<PartitionTaskDeps, 'kafka' | 'settings'>,
  partition: number,
): Promise<Producer> {
  const { settings } = deps;
  const producer = createTransactionalProducer(deps.kafka, {
    transactionalId: transactionalIdFor(
      `${settings.transactionalIdPrefix}-order-lifecycle`,
      settings.topics.notificationsRaw,
      partition,
    ),
    transactionTimeoutMs: settings.transactionTimeoutMs,
  });
  try {
    await producer.connect();
    await initTransactions(producer);
    return producer;
  } catch (error) {
    await producer.disconnect().catch(() => undefined);
    throw error;
  }
}
