import {
  commitTransaction,
  committedPosition,
  isExactlyOnceError,
  type Heartbeat,
  type PartitionTask,
} from '@clawback/exactly-once';
import type { KafkaMessage, Producer } from '@clawback/kafka';
import type { CommissionState } from '../rules/commission-state';
import { decideEvents, type DecidedEvents } from '../rules/decide-events';
import type { DeciderDeps } from './decider-deps';
import { outputMessages } from './output-messages';
import { readEvents } from './read-events';
import { countBy } from '../metrics/count-by';
import { restoreStates } from './restore-states';

/**
 * The decider's processing of one partition of `orders.lifecycle.events`: it holds the
 * partition's transactional producer, the committed position and the commission state of every
 * order of the partition, restored from the changelog when it opened. Each batch is decided
 * in memory and written in one transaction: adjustments, changed order states and the input
 * offset. Any failure ends the task; the next one restores everything from committed data.
 */
export class DeciderPartitionTask implements PartitionTask {
  private constructor(
    private readonly deps: DeciderDeps,
    private readonly partition: number,
    private readonly producer: Producer,
    private nextOffset: string,
    private readonly states: Map<string, CommissionState>,
  ) {}

  /**
   * Reads the committed offset and restores the states. The consumer skeleton opens the task
   * only after fencing the previous owner (the partition's transactional id is initialised,
   * aborting its open transaction and refusing its later commits): nothing can move either
   * once they are read.
   */
  static async open(
    deps: DeciderDeps,
    partition: number,
    heartbeat: Heartbeat,
  ): Promise<DeciderPartitionTask> {
    const { settings } = deps;
    const topic = settings.topics.lifecycleEvents;
    // Connected, and the previous owner fenced, by the skeleton before this task opened.
    const producer = await deps.producers.forPartition(topic, partition);
    const { nextOffset } = await committedPosition(deps.admin, settings.groupId, topic, partition);
    const states = await restoreStates(
      {
        kafka: deps.kafka,
        admin: deps.admin,
        codecs: deps.codecs,
        stateTopic: settings.topics.commissionState,
        groupIdPrefix: `${settings.groupId}-restore`,
        timeoutMs: settings.restoreTimeoutMs,
      },
      partition,
      heartbeat,
    );
    deps.metrics.restores.inc();
    deps.metrics.ordersInMemory.set({ partition }, states.size);
    deps.logger.info({ partition, nextOffset, orders: states.size }, 'decider partition opened');
    return new DeciderPartitionTask(deps, partition, producer, nextOffset, states);
  }

  get position(): string {
    return this.nextOffset;
  }

  /**
   * Decides the records in slices of `recordsPerTransaction`, one transaction each: an
   * upstream record batch can be far larger than a transaction should be.
   */
  async process(messages: readonly KafkaMessage[], heartbeat: Heartbeat): Promise<void> {
    const size = this.deps.settings.recordsPerTransaction;
    for (let start = 0; start < messages.length; start += size) {
      await this.processSlice(messages.slice(start, start + size));
      await heartbeat();
    }
  }

  private async processSlice(messages: readonly KafkaMessage[]): Promise<void> {
    const last = messages[messages.length - 1];
    if (last === undefined) return;
    const { deps } = this;
    const events = await readEvents(messages, deps.codecs);
    const decided = decideEvents(this.states, events, deps.termsFor);
    const nextOffset = (BigInt(last.offset) + 1n).toString();
    await this.commit(decided, nextOffset);
    for (const [orderKey, state] of decided.changed) this.states.set(orderKey, state);
    this.nextOffset = nextOffset;
    this.record(decided);
  }

  /** Drops the partition's gauge; the skeleton releases the producer after the task closes. */
  close(): Promise<void> {
    this.deps.metrics.ordersInMemory.remove({ partition: this.partition });
    return Promise.resolve();
  }

  private async commit(decided: DecidedEvents, nextOffset: string): Promise<void> {
    const { deps } = this;
    const { topics, groupId } = deps.settings;
    const topicMessages = await outputMessages(decided, deps.codecs, {
      adjustments: topics.commissionAdjustments,
      state: topics.commissionState,
      partition: this.partition,
    });
    try {
      await commitTransaction(this.producer, {
        topicMessages,
        consumedOffset: {
          consumerGroupId: groupId,
          topic: topics.lifecycleEvents,
          partition: this.partition,
          nextOffset,
        },
      });
      deps.metrics.transactions.inc({ result: 'committed' });
    } catch (error) {
      const fenced = isExactlyOnceError(error, 'producer_fenced');
      deps.metrics.transactions.inc({ result: fenced ? 'fenced' : 'aborted' });
      throw error;
    }
  }

  private record(decided: DecidedEvents): void {
    const { metrics } = this.deps;
    // Counted per slice, then one increment per label set: a labelled increment per event
    // (the labels hashed, an object each) was a measurable share of the decider's allocations.
    for (const [outcome, count] of countBy(decided.outcomes, (outcome) => outcome)) {
      metrics.decisions.inc({ outcome }, count);
    }
    const byKind = countBy(decided.adjustments, ({ type, reason }) => `${type}\0${reason}`);
    for (const [kind, count] of byKind) {
      const [type = '', reason = ''] = kind.split('\0');
      metrics.adjustments.inc({ type, reason }, count);
    }
    metrics.ordersInMemory.set({ partition: this.partition }, this.states.size);
  }
}
