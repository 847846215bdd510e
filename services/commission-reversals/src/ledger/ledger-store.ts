import { randomUUID } from 'node:crypto';
import { deleteKeysByPrefix, type Redis, toRedisError } from '@clawback/redis';
import { CommissionError } from '../commission-error';
import type { CommissionAdjustment } from '../rules/commission-adjustment';
import { bookingGroups } from './booking-groups';
import { ledgerEntryOf, totalFieldOf } from './ledger-entry';
import {
  affiliateLedgerKeys,
  GENERATION_KEY,
  generationPrefix,
  manifestKey,
  positionField,
} from './ledger-keys';
import { withLedgerCommands, type LedgerRedis } from './ledger-scripts';

/** What booking one adjustment did; `lost`: a key of the affiliate or the manifest is gone. */
export type BookingResult = 'booked' | 'duplicate' | 'lost';

/** What moving a position did: `elsewhere` when another owner moved it, `lost` when gone. */
export type AdvanceResult = 'moved' | 'elsewhere' | 'lost';

/** Attempts at finding a generation with its manifest before giving up (each replaces one). */
const GENERATION_ATTEMPTS = 5;

/**
 * The write side of the affiliate ledger: bookings idempotent by adjustment id (an adjustment
 * is `{sourceEventId}:{type}`, so this is idempotence by source event), a position per
 * adjustments partition that only moves from where its owner left it, and the manifest that
 * proves every key of the generation is there (ADR 0010). Every write checks the keys it
 * touches against the manifest first and writes nothing when they disagree.
 */
export class LedgerStore {
  private readonly redis: LedgerRedis;
  /**
   * The generations open tasks write into, with how many tasks hold each. Per task, not "the
   * one handed out last": after a loss one partition may reopen into the new generation while
   * another, idle, still holds the old one, and only this tells the watchdog so.
   */
  private readonly held = new Map<string, number>();

  constructor(redis: Redis) {
    this.redis = withLedgerCommands(redis);
  }

  /** A task writes into `generation` from now on, until it calls {@link release}. */
  hold(generation: string): void {
    this.held.set(generation, (this.held.get(generation) ?? 0) + 1);
  }

  /** A task that called {@link hold} no longer writes into `generation` (it closed). */
  release(generation: string): void {
    const count = (this.held.get(generation) ?? 0) - 1;
    if (count > 0) this.held.set(generation, count);
    else this.held.delete(generation);
  }

  /** The generations open tasks hold (normally one, more only until they reopen). */
  get heldGenerations(): readonly string[] {
    return [...this.held.keys()];
  }

  /**
   * The current generation, starting one when the marker is missing (a new deployment or a
   * wiped Redis) or names a generation whose manifest is gone (a partial loss). Concurrent
   * starters agree: the script replaces only the generation it was asked to.
   */
  async generation(): Promise<string> {
    try {
      let generation = await this.start('');
      for (let attempt = 1; !(await this.redis.exists(manifestKey(generation))); attempt++) {
        if (attempt >= GENERATION_ATTEMPTS) {
          throw new Error(`the manifest of generation ${generation} vanishes as it is created`);
        }
        generation = await this.start(generation);
      }
      return generation;
    } catch (error) {
      if (error instanceof CommissionError) throw error;
      throw toRedisError(error, 'reading the ledger generation');
    }
  }

  /**
   * Gives `generation` up after a loss was found in it: a new one starts (unless someone
   * already replaced it, or the marker is gone and the next {@link generation} starts one) and
   * the old manifest is deleted, so every writer still on it fails its next write and reopens.
   */
  async abandon(generation: string): Promise<void> {
    try {
      await this.start(generation);
      // Nobody can write into it any more (every write checks the manifest): free its keys.
      await deleteKeysByPrefix(this.redis, generationPrefix(generation));
    } catch (error) {
      throw toRedisError(error, 'replacing the ledger generation');
    }
  }

  /**
   * False when `generation` is no longer intact as a whole: the marker was replaced or
   * deleted, or its manifest is gone. Its tasks must reopen into a new generation.
   */
  async isCurrent(generation: string): Promise<boolean> {
    try {
      const [marker, manifest] = await Promise.all([
        this.redis.get(GENERATION_KEY),
        this.redis.exists(manifestKey(generation)),
      ]);
      return marker === generation && manifest === 1;
    } catch (error) {
      throw toRedisError(error, 'reading the ledger generation');
    }
  }

  /** The {@link heldGenerations} that are not current: some open task must reopen. */
  async staleGenerations(): Promise<readonly string[]> {
    const held = this.heldGenerations;
    const current = await Promise.all(held.map((generation) => this.isCurrent(generation)));
    return held.filter((_, i) => !current[i]);
  }

  /**
   * The next offset to book for the partition, `null` when nothing was booked from it yet.
   *
   * @throws CommissionError `ledger_lost` when the generation's manifest is gone.
   */
  async position(generation: string, topic: string, partition: number): Promise<string | null> {
    let replies: [Error | null, unknown][] | null;
    try {
      replies = await this.redis
        .multi()
        .exists(manifestKey(generation))
        .hget(manifestKey(generation), positionField(topic, partition))
        .exec();
    } catch (error) {
      throw toRedisError(error, 'reading the ledger position');
    }
    const [exists, position] = (replies ?? []).map(([error, reply]) => {
      if (error) throw toRedisError(error, 'reading the ledger position');
      return reply;
    }) as [number, string | null];
    if (exists !== 1) {
      throw new CommissionError('ledger_lost', `the manifest of generation ${generation} is gone`);
    }
    return position;
  }

  /**
   * Books adjustments, one pipelined script call per affiliate (and at most
   * 64 adjustments, see `bookingGroups`), each affiliate's in their order. An adjustment
   * booked before is not booked again; one whose affiliate keys disagree with the manifest is
   * not booked at all (`lost`). Results are in the order of `adjustments`.
   */
  async book(
    generation: string,
    adjustments: readonly CommissionAdjustment[],
  ): Promise<readonly BookingResult[]> {
    if (adjustments.length === 0) return [];
    const manifest = manifestKey(generation);
    const groups = bookingGroups(adjustments);
    const pipeline = this.redis.pipeline() as ReturnType<Redis['pipeline']> & PipelineBook;
    for (const { merchantId, affiliateId, positions } of groups) {
      const keys = affiliateLedgerKeys(generation, merchantId, affiliateId);
      const args = [manifest, keys.entries, keys.totals, keys.booked, keys.manifestField];
      for (const position of positions) {
        const adjustment = adjustments[position]!;
        args.push(
          adjustment.adjustmentId,
          adjustment.currency,
          String(adjustment.amount),
          totalFieldOf(adjustment.type),
          String(Math.abs(adjustment.amount)),
          JSON.stringify(ledgerEntryOf(adjustment)),
        );
      }
      pipeline.bookCommissions(...args);
    }
    let replies: [Error | null, unknown][] | null;
    try {
      replies = await pipeline.exec();
    } catch (error) {
      throw toRedisError(error, 'booking adjustments');
    }
    const results = new Array<BookingResult>(adjustments.length);
    (replies ?? []).forEach(([error, reply], i) => {
      if (error) throw toRedisError(error, 'booking adjustments');
      const flat = reply as number[];
      const { positions } = groups[i]!;
      positions.forEach((position, j) => {
        const result = flat[0] === -1 ? -1 : flat[2 * j];
        results[position] = result === 1 ? 'booked' : result === 0 ? 'duplicate' : 'lost';
      });
    });
    return results;
  }

  /** Moves the partition's position from `expected` (`null`: none stored) to `next`. */
  async advance(
    generation: string,
    topic: string,
    partition: number,
    expected: string | null,
    next: string,
  ): Promise<AdvanceResult> {
    try {
      const [moved] = await this.redis.advanceLedgerPosition(
        manifestKey(generation),
        positionField(topic, partition),
        expected ?? '',
        next,
      );
      return moved === 1 ? 'moved' : moved === 0 ? 'elsewhere' : 'lost';
    } catch (error) {
      throw toRedisError(error, 'moving the ledger position');
    }
  }

  /** Starts a new generation in place of `expected` (`''`: none); returns the current one. */
  private start(expected: string): Promise<string> {
    const candidate = randomUUID();
    return this.redis.startLedgerGeneration(
      GENERATION_KEY,
      manifestKey(candidate),
      manifestKey(expected === '' ? candidate : expected),
      candidate,
      expected,
    );
  }
}

/** The booking script as a pipeline command. */
interface PipelineBook {
  bookCommissions(...args: string[]): unknown;
}
