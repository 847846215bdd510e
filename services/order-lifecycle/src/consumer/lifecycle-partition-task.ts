import {
  commitTransaction,
  committedPosition,
  defaultConcurrentRetry,
  type Heartbeat,
  type PartitionTask,
} from '@clawback/exactly-once';
import type { KafkaMessage, Producer, RecordMetadata } from '@clawback/kafka';
import { decodeCheckpoint, encodeCheckpointMetadata } from '../checkpoint/checkpoint';
import { isLifecycleError, toLifecycleError } from '../lifecycle-error';
import { applyRecords } from '../processing/apply-records';
import { ordersToLoad } from '../processing/orders-to-load';
import type { ParkedIndex } from '../processing/parked-index';
import { outputMessages, type OutputBatch } from '../records/output-messages';
import { toPartitionRecords } from '../records/to-partition-records';
import type { LifecycleTaskDeps } from './lifecycle-task-deps';
import { recordBatchMetrics } from './record-batch-metrics';
import { TrustedSnapshots } from './trusted-snapshots';

/**
 * The processing of one input partition by this instance, from the moment it fenced the
 * partition's previous owner until it stops or fails. It holds what must survive between
 * batches: the transactional producer, the next offset and watermark (as committed), the
 * parked orders and the trusted view of the snapshot cache. Any failure ends the task; the
 * next batch opens a new one, which reads everything again from committed data.
 */
export class LifecyclePartitionTask implements PartitionTask {
  /**
   * The cache write after the last commit, still under way: it runs while kafkajs fetches and
   * the other partitions work, and the next batch of this partition waits for it before
   * reading the cache (a failed write only marks the cache for a catch-up, it never throws).
   */
  private cacheSave: Promise<void> = Promise.resolve();

  private constructor(
    private readonly deps: LifecycleTaskDeps,
    readonly partition: number,
    private readonly producer: Producer,
    private readonly snapshots: TrustedSnapshots,
    private nextOffset: string,
    private watermark: number | null,
    private parked: ParkedIndex,
  ) {}

  /**
   * Fences the previous owner (initialising the partition's transactional id aborts its open
   * transaction and rejects its later commits), then reads the committed checkpoint and brings
   * the snapshot cache up to the state topic's end. The order matters: after the fence nothing
   * can be committed for the partition but by this task, so what it reads stays true.
   */
  static async open(
    deps: LifecycleTaskDeps,
    partition: number,
    heartbeat: Heartbeat,
  ): Promise<LifecyclePartitionTask> {
    const { settings } = deps;
    // Already connected, and the previous owner fenced, by the consumer skeleton (or by this
    // first call, when the task is opened on its own).
    const producer = await deps.producers.forPartition(settings.topics.notificationsRaw, partition);
    try {
      const checkpoint = decodeCheckpoint(
        await committedPosition(
          deps.admin,
          settings.groupId,
          settings.topics.notificationsRaw,
          partition,
        ),
      );
      const snapshots = new TrustedSnapshots(deps, partition);
      const parked = await snapshots.catchUp(heartbeat, 'assigned');
      deps.metrics.parkedOrders.set({ partition }, parked.size);
      const task = new LifecyclePartitionTask(
        deps,
        partition,
        producer,
        snapshots,
        checkpoint.nextOffset,
        checkpoint.watermark,
        parked,
      );
      deps.logger.info(
        { partition, nextOffset: checkpoint.nextOffset, watermark: checkpoint.watermark },
        'partition opened',
      );
      return task;
    } catch (error) {
      await deps.producers
        .release(settings.topics.notificationsRaw, partition)
        .catch(() => undefined);
      throw error;
    }
  }

  /** The next input offset to process (everything before it is committed). */
  get position(): string {
    return this.nextOffset;
  }

  /**
   * Processes the batch's records from the committed position on, in one transaction. Records
   * before the position were committed by a previous owner or an earlier attempt: skipped.
   */
  async process(messages: readonly KafkaMessage[], heartbeat: Heartbeat): Promise<void> {
    const next = BigInt(this.nextOffset);
    const fresh = messages.filter((message) => BigInt(message.offset) >= next);
    const last = fresh[fresh.length - 1];
    if (last === undefined) return;
    const { deps } = this;
    const { settings } = deps;
    const stage = stageClock(deps);
    stage.since('queued', Number(fresh[0]!.timestamp));
    await this.cacheSave;
    const records = await toPartitionRecords(fresh, deps.codecs, deps.normalizeOptionsFor);
    const horizon = settings.orphanHorizonMs;
    let loaded = await this.snapshots.load(ordersToLoad(records, this.parked, horizon), heartbeat);
    if (loaded.parked) {
      // The cache was caught up: its parked orders are the committed truth; load with them.
      this.parked = loaded.parked;
      loaded = await this.snapshots.load(ordersToLoad(records, this.parked, horizon), heartbeat);
    }
    stage.lap('load');
    const { states } = loaded;
    const applied = applyRecords(
      { watermark: this.watermark, states, parked: this.parked },
      records,
      { orphanHorizonMs: horizon },
    );
    const changed = applied.changedOrders.map((orderKey) => applied.progress.states.get(orderKey)!);
    const outputs = await outputMessages(
      { events: applied.events, states: changed, deadLetters: applied.deadLetters },
      {
        events: settings.topics.lifecycleEvents,
        state: settings.topics.lifecycleState,
        deadLetters: settings.topics.notificationsDlq,
        source: settings.topics.notificationsRaw,
        partition: this.partition,
        eventsCoPartitioned: deps.eventsCoPartitioned,
      },
      deps.codecs,
    );
    stage.lap('apply');
    const nextOffset = (BigInt(last.offset) + 1n).toString();
    const produced = await this.commit(outputs, nextOffset, applied.progress.watermark);
    stage.lap('commit');
    this.nextOffset = nextOffset;
    this.watermark = applied.progress.watermark;
    this.parked = applied.progress.parked;
    recordBatchMetrics(deps.metrics, this.partition, records.length, applied);
    deps.metrics.batchRecords.observe(records.length);
    this.cacheSave = this.snapshots
      .saveCommitted(changed, outputs.stateValues, produced)
      .then(() => stage.lap('cache_save'));
  }

  /** Waits for the last cache write; the skeleton releases the producer after the task closes. */
  close(): Promise<void> {
    return this.cacheSave;
  }

  private async commit(
    outputs: OutputBatch,
    nextOffset: string,
    watermark: number | null,
  ): Promise<readonly RecordMetadata[]> {
    const { deps } = this;
    const started = deps.now();
    try {
      const produced = await commitTransaction(
        this.producer,
        {
          topicMessages: outputs.topicMessages,
          consumedOffset: {
            consumerGroupId: deps.settings.groupId,
            topic: deps.settings.topics.notificationsRaw,
            partition: this.partition,
            nextOffset,
            metadata: encodeCheckpointMetadata({ watermark }),
          },
        },
        { ...defaultConcurrentRetry, onRetry: () => deps.metrics.transactionRetries.inc() },
      );
      deps.metrics.transactions.inc({ result: 'committed' });
      deps.metrics.commitSeconds.observe((deps.now() - started) / 1000);
      return produced;
    } catch (error) {
      const failure = toLifecycleError(error);
      const fenced = isLifecycleError(failure, 'producer_fenced');
      deps.metrics.transactions.inc({ result: fenced ? 'fenced' : 'aborted' });
      throw failure;
    }
  }
}

/** Observes consecutive stages of one batch into `batchStageSeconds`. */
function stageClock(deps: LifecycleTaskDeps) {
  let mark = deps.now();
  const observe = (stage: string, ms: number) =>
    deps.metrics.batchStageSeconds.observe({ stage }, Math.max(0, ms) / 1000);
  return {
    /** From an epoch-millisecond instant (a record's produce time) to now. */
    since(stage: string, epochMs: number): void {
      if (Number.isFinite(epochMs)) observe(stage, mark - epochMs);
    },
    /** From the previous lap (or the start) to now. */
    lap(stage: string): void {
      const now = deps.now();
      observe(stage, now - mark);
      mark = now;
    },
  };
}
