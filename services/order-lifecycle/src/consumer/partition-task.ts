import {
  createTransactionalProducer,
  initTransactions,
  transactionalIdFor,
  type KafkaMessage,
  type Producer,
  type RecordMetadata,
} from '@clawback/kafka';
import { orphanDeadline, type OrderState } from '@clawback/order-machine';
import { catchUpCache } from '../catch-up/catch-up-cache';
import { encodeCheckpointMetadata } from '../exactly-once/checkpoint';
import { commitTransaction } from '../exactly-once/commit-transaction';
import { LifecycleError } from '../lifecycle-error';
import { applyRecords } from '../processing/apply-records';
import { ordersToLoad } from '../processing/orders-to-load';
import { ParkedIndex } from '../processing/parked-index';
import { outputMessages, type OutputBatch } from '../records/output-messages';
import { toPartitionRecords } from '../records/to-partition-records';
import { partitionCacheKeys } from '../snapshot-cache/cache-keys';
import {
  partitionSnapshotCache,
  regressed,
  type PartitionSnapshotCache,
} from '../snapshot-cache/partition-snapshot-cache';
import { committedCheckpoint } from './committed-checkpoint';
import type { PartitionTaskDeps } from './partition-task-deps';
import { recordBatchMetrics } from './record-batch-metrics';

type Heartbeat = () => Promise<void>;

/**
 * The processing of one input partition by this instance, from the moment it fenced the
 * partition's previous owner until it stops or fails. It holds what must survive between
 * batches: the transactional producer, the next offset and watermark (as committed), the
 * parked orders and the cache lineage. Any failure ends the task; the next batch opens a new
 * one, which reads everything again from committed data.
 */
export class PartitionTask {
  private constructor(
    private readonly deps: PartitionTaskDeps,
    readonly partition: number,
    private readonly producer: Producer,
    private readonly cache: PartitionSnapshotCache,
    private nextOffset: string,
    private watermark: number | null,
    private parked: ParkedIndex,
    /** `null` when the cache must be caught up before it is read again. */
    private lineage: string | null,
  ) {}

  /**
   * Fences the previous owner (initialising the partition's transactional id aborts its open
   * transaction and rejects its later commits), then reads the committed checkpoint and brings
   * the snapshot cache up to the state topic's end. The order matters: after the fence nothing
   * can be committed for the partition but by this task, so what it reads stays true.
   */
  static async open(
    deps: PartitionTaskDeps,
    partition: number,
    heartbeat: Heartbeat,
  ): Promise<PartitionTask> {
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
      // kafkajs initialises the transactional id lazily, at the first transaction; do it now,
      // before reading anything, so the previous owner is fenced first.
      await initTransactions(producer);
      const checkpoint = await committedCheckpoint(
        deps.admin,
        settings.groupId,
        settings.topics.notificationsRaw,
        partition,
      );
      const cache = partitionSnapshotCache(
        deps.redis,
        partitionCacheKeys(settings.topics.lifecycleState, partition),
      );
      const task = new PartitionTask(
        deps,
        partition,
        producer,
        cache,
        checkpoint.nextOffset,
        checkpoint.watermark,
        new ParkedIndex(),
        null,
      );
      await task.catchUp(heartbeat, 'assigned');
      deps.logger.info(
        { partition, nextOffset: checkpoint.nextOffset, watermark: checkpoint.watermark },
        'partition opened',
      );
      return task;
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
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
    const records = await toPartitionRecords(fresh, deps.codecs, deps.normalizeOptionsFor);
    const horizon = settings.orphanHorizonMs;
    const states = await this.loadStates(ordersToLoad(records, this.parked, horizon), heartbeat);
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
    const nextOffset = (BigInt(last.offset) + 1n).toString();
    const produced = await this.commit(outputs, nextOffset, applied.progress.watermark);
    this.nextOffset = nextOffset;
    this.watermark = applied.progress.watermark;
    this.parked = applied.progress.parked;
    recordBatchMetrics(deps.metrics, this.partition, records.length, applied);
    await this.cacheCommitted(changed, outputs, produced);
  }

  /** Disconnects the producer; an open transaction was already aborted or committed. */
  async close(): Promise<void> {
    await this.producer.disconnect().catch(() => undefined);
  }

  private async commit(
    outputs: OutputBatch,
    nextOffset: string,
    watermark: number | null,
  ): Promise<readonly RecordMetadata[]> {
    const { deps } = this;
    const started = deps.now();
    try {
      const produced = await commitTransaction(this.producer, {
        topicMessages: outputs.topicMessages,
        consumedOffset: {
          consumerGroupId: deps.settings.groupId,
          topic: deps.settings.topics.notificationsRaw,
          partition: this.partition,
          nextOffset,
          metadata: encodeCheckpointMetadata({ watermark }),
        },
      });
      deps.metrics.transactions.inc({ result: 'committed' });
      deps.metrics.commitSeconds.observe((deps.now() - started) / 1000);
      return produced;
    } catch (error) {
      const fenced = error instanceof LifecycleError && error.code === 'producer_fenced';
      deps.metrics.transactions.inc({ result: fenced ? 'fenced' : 'aborted' });
      throw error;
    }
  }

  /** States of `orderKeys` from the cache, catching it up first when it cannot be trusted. */
  private async loadStates(
    orderKeys: readonly string[],
    heartbeat: Heartbeat,
  ): Promise<ReadonlyMap<string, OrderState>> {
    if (this.lineage === null) await this.catchUp(heartbeat, 'cache_moved');
    let read = await this.cache.read(this.lineage!, orderKeys);
    if (read === regressed) {
      await this.catchUp(heartbeat, 'cache_moved');
      read = await this.cache.read(this.lineage!, orderKeys);
    }
    if (read === regressed) {
      throw new LifecycleError('cache_unavailable', 'the snapshot cache keeps changing underneath');
    }
    const states = new Map<string, OrderState>();
    for (const [orderKey, value] of read)
      states.set(orderKey, await this.deps.codecs.decodeState(value));
    return states;
  }

  private async catchUp(heartbeat: Heartbeat, reason: 'assigned' | 'cache_moved'): Promise<void> {
    const { deps } = this;
    deps.metrics.catchUps.inc({ reason });
    const caughtUp = await catchUpCache({
      kafka: deps.kafka,
      admin: deps.admin,
      cache: this.cache,
      stateTopic: deps.settings.topics.lifecycleState,
      partition: this.partition,
      parkedSince: async (value) => orphanDeadline(await deps.codecs.decodeState(value), 0),
      groupIdPrefix: `${deps.settings.groupId}-catch-up`,
      heartbeat,
      timeoutMs: deps.settings.catchUpTimeoutMs,
    });
    this.lineage = caughtUp.lineage;
    this.parked = new ParkedIndex(
      [...caughtUp.parked].map(([orderKey, since]) => ({ orderKey, since })),
    );
    deps.metrics.parkedOrders.set({ partition: this.partition }, this.parked.size);
    deps.logger.info(
      { partition: this.partition, reason, from: caughtUp.fromOffset, to: caughtUp.toOffset },
      'snapshot cache caught up',
    );
  }

  /**
   * After the commit: the new snapshots go to the cache under their state-topic offsets. A
   * failure here loses nothing (the state topic has them); the cache is caught up before its
   * next use instead.
   */
  private async cacheCommitted(
    changed: readonly OrderState[],
    outputs: OutputBatch,
    produced: readonly RecordMetadata[],
  ): Promise<void> {
    if (changed.length === 0) return;
    const stateTopic = this.deps.settings.topics.lifecycleState;
    const answer = produced.find(
      (m) => m.topicName === stateTopic && m.partition === this.partition,
    );
    const base = answer?.baseOffset === undefined ? -1n : BigInt(answer.baseOffset);
    if (base < 0n || this.lineage === null) {
      this.lineage = null;
      return;
    }
    const writes = changed.map((state, index) => ({
      orderKey: state.orderKey,
      stateOffset: (base + BigInt(index)).toString(),
      value: outputs.stateValues[index]!,
      parkedSince: orphanDeadline(state, 0),
    }));
    try {
      const next = await this.cache.write(
        this.lineage,
        writes,
        (base + BigInt(changed.length)).toString(),
      );
      this.lineage = next === regressed ? null : next;
    } catch (error) {
      this.deps.logger.warn(
        { err: error, partition: this.partition },
        'cache write after commit failed',
      );
      this.lineage = null;
    }
  }
}
