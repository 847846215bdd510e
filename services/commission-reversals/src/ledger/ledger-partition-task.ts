import { isRetriable } from '@clawback/errors';
import type { PartitionTask } from '@clawback/exactly-once';
import type { Admin, KafkaMessage } from '@clawback/kafka';
import type { Logger } from '@clawback/logging';
import { fromAvroAdjustment } from '../avro/adjustment-avro';
import type { CommissionCodecs } from '../avro/commission-codecs';
import { CommissionError } from '../commission-error';
import type { CommissionAdjustment } from '../rules/commission-adjustment';
import type { CommissionMetrics } from '../metrics/commission-metrics';
import { countBy } from '../metrics/count-by';
import type { LedgerStore } from './ledger-store';

/** Everything the ledger projector's partition tasks share. */
export interface LedgerDeps {
  readonly admin: Admin;
  readonly store: LedgerStore;
  readonly codecs: CommissionCodecs;
  /** The (possibly prefixed) `affiliates.commission.adjustments` topic. */
  readonly topic: string;
  readonly logger: Logger;
  readonly metrics: CommissionMetrics;
}

/**
 * Gives up `generation` after a loss (ADR 0010): a new generation starts and every partition is
 * projected again from the beginning, here by reopening, elsewhere once the watchdog or the
 * next write sees the old manifest gone.
 */
async function lost(deps: LedgerDeps, generation: string, detectedBy: string): Promise<void> {
  deps.metrics.ledgerLosses.inc({ detectedBy });
  deps.logger.warn({ generation, detectedBy }, 'ledger keys lost: projecting again from the topic');
  await deps.store.abandon(generation);
}

/**
 * The projection of one partition of `affiliates.commission.adjustments` into the Redis
 * ledger. Where to continue is the position stored in Redis with the ledger itself, not the
 * group's Kafka offset: when Redis is new or was wiped there is none, and the partition is
 * projected again from its beginning into a new generation. Each batch is booked (idempotent
 * by adjustment id, so a batch redone after a crash books nothing twice), then the position
 * moves, only if it is still where this task left it. A booking or a move that finds a key
 * missing (or of another size than the manifest records) writes nothing: the generation is
 * abandoned and the task fails, to reopen into the next one.
 */
export class LedgerPartitionTask implements PartitionTask {
  private closed = false;

  private constructor(
    private readonly deps: LedgerDeps,
    private readonly partition: number,
    private readonly generation: string,
    /** What Redis holds as the position (`null`: nothing booked from this partition yet). */
    private stored: string | null,
    private nextOffset: string,
  ) {}

  static async open(deps: LedgerDeps, partition: number): Promise<LedgerPartitionTask> {
    const generation = await deps.store.generation();
    let stored: string | null;
    try {
      stored = await deps.store.position(generation, deps.topic, partition);
    } catch (error) {
      if (error instanceof CommissionError && error.code === 'ledger_lost')
        await lost(deps, generation, 'open');
      throw error;
    }
    let nextOffset = stored;
    if (nextOffset === null) {
      const offsets = await deps.admin.fetchTopicOffsets(deps.topic);
      nextOffset = offsets.find((entry) => entry.partition === partition)?.low ?? '0';
      deps.metrics.ledgerRebuilds.inc();
    }
    deps.logger.info(
      { partition, generation, nextOffset, fromBeginning: stored === null },
      'ledger partition opened',
    );
    // Until closed: the watchdog reopens the task once this generation is no longer current,
    // even when nothing new arrives on the partition to make a write notice it.
    deps.store.hold(generation);
    return new LedgerPartitionTask(deps, partition, generation, stored, nextOffset);
  }

  get position(): string {
    return this.nextOffset;
  }

  async process(messages: readonly KafkaMessage[]): Promise<void> {
    const last = messages[messages.length - 1];
    if (last === undefined) return;
    const { deps } = this;
    const adjustments = await this.read(messages);
    const results = await deps.store.book(this.generation, adjustments);
    for (const [result, count] of countBy(results, (r) => r)) {
      deps.metrics.bookings.inc({ result }, count);
    }
    if (results.includes('lost')) {
      await lost(deps, this.generation, 'booking');
      throw this.lostError('a key of an affiliate is missing or disagrees with the manifest');
    }
    const next = (BigInt(last.offset) + 1n).toString();
    const moved = await deps.store.advance(
      this.generation,
      deps.topic,
      this.partition,
      this.stored,
      next,
    );
    if (moved === 'lost') {
      await lost(deps, this.generation, 'position');
      throw this.lostError('the manifest is missing');
    }
    if (moved === 'elsewhere') {
      throw new CommissionError(
        'ledger_position_moved',
        `${deps.topic}[${this.partition}]: the ledger position is no longer ${this.stored ?? 'unset'}`,
      );
    }
    this.stored = next;
    this.nextOffset = next;
  }

  close(): Promise<void> {
    if (!this.closed) this.deps.store.release(this.generation);
    this.closed = true;
    return Promise.resolve();
  }

  private lostError(why: string): CommissionError {
    return new CommissionError(
      'ledger_lost',
      `${this.deps.topic}[${this.partition}], generation ${this.generation}: ${why}`,
    );
  }

  private async read(messages: readonly KafkaMessage[]): Promise<readonly CommissionAdjustment[]> {
    const adjustments: CommissionAdjustment[] = [];
    for (const message of messages) {
      if (message.value === null) continue;
      let adjustment: CommissionAdjustment | undefined;
      try {
        adjustment = fromAvroAdjustment(await this.deps.codecs.decodeAdjustment(message.value));
      } catch (error) {
        if (isRetriable(error)) throw error;
        throw new CommissionError(
          'record_undecodable',
          `${this.deps.topic}[${this.partition}] offset ${message.offset}: ${String(error)}`,
          { cause: error },
        );
      }
      // Types from a newer version are skipped rather than booked with a guessed effect.
      if (adjustment) adjustments.push(adjustment);
    }
    return adjustments;
  }
}
