import type { RecordMetadata } from '@clawback/kafka';
import { orphanDeadline, type OrderState } from '@clawback/order-machine';
import { catchUpCache } from '../catch-up/catch-up-cache';
import { LifecycleError } from '../lifecycle-error';
import { ParkedIndex } from '../processing/parked-index';
import { partitionCacheKeys } from '../snapshot-cache/cache-keys';
import {
  partitionSnapshotCache,
  regressed,
  type PartitionSnapshotCache,
} from '../snapshot-cache/partition-snapshot-cache';
import type { LifecycleTaskDeps } from './lifecycle-task-deps';

type Heartbeat = () => Promise<void>;

/** States read for a batch; `parked` is set when the cache had to be caught up first. */
export interface LoadedStates {
  readonly states: ReadonlyMap<string, OrderState>;
  readonly parked?: ParkedIndex;
}

/**
 * One partition's snapshots, read from the Redis cache only while the cache provably holds
 * everything committed (its lineage is the one this instance wrote last and every key its
 * manifest lists is intact, ADR 0009), and caught up from the state topic otherwise.
 */
export class TrustedSnapshots {
  private readonly cache: PartitionSnapshotCache;
  /** `null` when the cache must be caught up before it is read again. */
  private lineage: string | null = null;

  constructor(
    private readonly deps: LifecycleTaskDeps,
    private readonly partition: number,
  ) {
    this.cache = partitionSnapshotCache(
      deps.redis,
      partitionCacheKeys(deps.settings.topics.lifecycleState, partition),
    );
  }

  /** Catches the cache up to the state topic's end; returns the parked orders it holds. */
  async catchUp(heartbeat: Heartbeat, reason: 'assigned' | 'cache_moved'): Promise<ParkedIndex> {
    const { deps, partition } = this;
    deps.metrics.catchUps.inc({ reason });
    const caughtUp = await catchUpCache({
      kafka: deps.kafka,
      admin: deps.admin,
      cache: this.cache,
      stateTopic: deps.settings.topics.lifecycleState,
      partition,
      parkedSince: async (value) => orphanDeadline(await deps.codecs.decodeState(value), 0),
      groupIdPrefix: `${deps.settings.groupId}-catch-up`,
      heartbeat,
      timeoutMs: deps.settings.catchUpTimeoutMs,
    });
    this.lineage = caughtUp.lineage;
    deps.logger.info(
      { partition, reason, from: caughtUp.fromOffset, to: caughtUp.toOffset },
      'snapshot cache caught up',
    );
    return new ParkedIndex([...caughtUp.parked].map(([orderKey, since]) => ({ orderKey, since })));
  }

  /** States of `orderKeys` (absent: a new order), catching the cache up first if needed. */
  async load(orderKeys: readonly string[], heartbeat: Heartbeat): Promise<LoadedStates> {
    let parked: ParkedIndex | undefined;
    if (this.lineage === null) parked = await this.catchUp(heartbeat, 'cache_moved');
    let read = await this.cache.read(this.lineage!, orderKeys);
    if (read === regressed) {
      parked = await this.catchUp(heartbeat, 'cache_moved');
      read = await this.cache.read(this.lineage!, orderKeys);
    }
    if (read === regressed) {
      throw new LifecycleError('cache_unavailable', 'the snapshot cache keeps changing underneath');
    }
    const states = new Map<string, OrderState>();
    for (const [orderKey, value] of read) {
      states.set(orderKey, await this.deps.codecs.decodeState(value));
    }
    return parked ? { states, parked } : { states };
  }

  /**
   * After a commit: the batch's snapshots go to the cache under their state-topic offsets
   * (`values` are their encoded bytes, in order). A failure here loses nothing, the state topic
   * has them; the cache is caught up before its next use instead.
   */
  async saveCommitted(
    changed: readonly OrderState[],
    values: readonly Buffer[],
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
    // Nothing here may throw: the task runs this after the commit without awaiting it (the
    // next batch and the close wait for it), so a failure only marks the cache for catch-up.
    try {
      const writes = changed.map((state, index) => ({
        orderKey: state.orderKey,
        stateOffset: (base + BigInt(index)).toString(),
        value: values[index]!,
        parkedSince: orphanDeadline(state, 0),
      }));
      const end = (base + BigInt(changed.length)).toString();
      const next = await this.cache.write(this.lineage, writes, end);
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
