import { randomUUID } from 'node:crypto';
import { type Redis, toRedisError } from '@clawback/redis';
import type { CommissionAdjustment } from '../decide/commission-adjustment';
import { affiliateLedgerKeys, GENERATION_KEY, positionKey } from './ledger-keys';
import { ledgerEntryOf, totalFieldOf } from './ledger-entry';
import { withLedgerCommands, type LedgerRedis } from './ledger-scripts';

/** What booking one adjustment did. */
export type BookingResult = 'booked' | 'duplicate';

/**
 * The write side of the affiliate ledger: bookings idempotent by adjustment id (an adjustment
 * is `{sourceEventId}:{type}`, so this is idempotence by source event), and a stored position
 * per adjustments partition that only moves from where its owner left it.
 */
export class LedgerStore {
  private readonly redis: LedgerRedis;
  /** The generation handed out last: the one the open tasks write into. */
  private current: string | undefined;

  constructor(redis: Redis) {
    this.redis = withLedgerCommands(redis);
  }

  /**
   * The current generation, starting one when the marker is missing (a new deployment or a
   * wiped Redis). Concurrent starters agree: the first SET NX wins.
   */
  async generation(): Promise<string> {
    try {
      await this.redis.set(GENERATION_KEY, randomUUID(), 'NX');
      const generation = await this.redis.get(GENERATION_KEY);
      if (generation === null) throw new Error('the generation marker vanished while read');
      this.current = generation;
      return generation;
    } catch (error) {
      throw toRedisError(error, 'reading the ledger generation');
    }
  }

  /**
   * False when the marker no longer names the generation handed out last (Redis was wiped or
   * the marker deleted): the tasks must reopen and project into a new generation.
   */
  async isCurrent(): Promise<boolean> {
    if (this.current === undefined) return true;
    try {
      return (await this.redis.get(GENERATION_KEY)) === this.current;
    } catch (error) {
      throw toRedisError(error, 'reading the ledger generation');
    }
  }

  /** The next offset to book for the partition, `null` when nothing was booked from it yet. */
  async position(generation: string, topic: string, partition: number): Promise<string | null> {
    try {
      return await this.redis.get(positionKey(generation, topic, partition));
    } catch (error) {
      throw toRedisError(error, 'reading the ledger position');
    }
  }

  /**
   * Books adjustments in order, one pipelined script each (one affiliate's bookings keep their
   * order on the connection). An adjustment booked before is not booked again.
   */
  async book(
    generation: string,
    adjustments: readonly CommissionAdjustment[],
  ): Promise<readonly BookingResult[]> {
    if (adjustments.length === 0) return [];
    const pipeline = this.redis.pipeline() as ReturnType<Redis['pipeline']> & PipelineBook;
    for (const adjustment of adjustments) {
      const keys = affiliateLedgerKeys(generation, adjustment.merchantId, adjustment.affiliateId);
      pipeline.bookCommission(
        keys.entries,
        keys.totals,
        keys.booked,
        adjustment.adjustmentId,
        adjustment.currency,
        String(adjustment.amount),
        totalFieldOf(adjustment.type),
        String(Math.abs(adjustment.amount)),
        JSON.stringify(ledgerEntryOf(adjustment)),
      );
    }
    let replies: [Error | null, unknown][] | null;
    try {
      replies = await pipeline.exec();
    } catch (error) {
      throw toRedisError(error, 'booking adjustments');
    }
    return (replies ?? []).map(([error, reply]) => {
      if (error) throw toRedisError(error, 'booking an adjustment');
      return (reply as [number, number])[0] === 1 ? 'booked' : 'duplicate';
    });
  }

  /**
   * Moves the partition's position from `expected` (`null`: none stored) to `next`.
   *
   * @returns false when the stored position is not `expected` any more (another owner moved
   *   it, or Redis was wiped), and nothing was changed.
   */
  async advance(
    generation: string,
    topic: string,
    partition: number,
    expected: string | null,
    next: string,
  ): Promise<boolean> {
    try {
      const [moved] = await this.redis.advanceLedgerPosition(
        positionKey(generation, topic, partition),
        expected ?? '',
        next,
      );
      return moved === 1;
    } catch (error) {
      throw toRedisError(error, 'moving the ledger position');
    }
  }
}

/** The booking script as a pipeline command. */
interface PipelineBook {
  bookCommission(...args: string[]): unknown;
}
