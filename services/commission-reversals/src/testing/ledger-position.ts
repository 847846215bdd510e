import type { Redis } from '@clawback/redis';
import { GENERATION_KEY, manifestKey, positionField } from '../ledger/ledger-keys';

/**
 * The next adjustments offset the current ledger generation books for `partition`; `null`
 * when there is no generation, no manifest or nothing booked from the partition yet.
 */
export async function ledgerPosition(
  redis: Redis,
  topic: string,
  partition: number,
): Promise<string | null> {
  const generation = await redis.get(GENERATION_KEY);
  if (generation === null) return null;
  return redis.hget(manifestKey(generation), positionField(topic, partition));
}
