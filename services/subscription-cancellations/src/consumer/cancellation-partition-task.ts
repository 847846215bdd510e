import {
  type Heartbeat,
  type PartitionTask,
  commitTransaction,
  committedPosition,
  isExactlyOnceError,
} from '@clawback/exactly-once';
import type { KafkaMessage } from '@clawback/kafka';
import { buildOutputs } from '../batch/build-outputs';
import type { ProcessedSlice } from '../batch/process-records';
import type { CommittedCancellation } from '../completed/completed-cancellations';
import type { CancellationEvent } from '../events/cancellation-event';
import { outputMessages } from '../batch/output-messages';
import { interruptibleSleep } from '../delivery/sleep';
import type { CancellationTaskDeps } from './cancellation-task-deps';

/** The `SubscriptionCancelled` facts among a slice's outputs, as the record keeps them. */
function committedFacts(events: readonly CancellationEvent[]): readonly CommittedCancellation[] {
  return events.flatMap((event) =>
    event.type === 'SubscriptionCancelled'
      ? [
          {
            provider: event.provider,
            merchantId: event.merchantId,
            subscriptionRef: event.subscriptionRef,
            causationId: event.causationId,
            attempts: event.attempts,
            alreadyCancelled: event.alreadyCancelled,
          },
        ]
      : [],
  );
}

/**
 * Carries out the next slice of `messages` (a prefix holding at most `workLimit` records with
 * work), with a sleep that heartbeats.
 */
export type ProcessSlice = (
  messages: readonly KafkaMessage[],
  workLimit: number,
  sleep: (ms: number) => Promise<void>,
) => Promise<ProcessedSlice>;

/**
 * One input topic of the service: the lifecycle events, or the operators' redrive commands
 * (ADR 0019). Each has its own consumer group, so each commits its own offsets.
 */
export interface TaskInput {
  readonly topic: string;
  readonly groupId: string;
  /** The slice processing of one partition, made once the task knows its committed position. */
  processorFor(partition: number, nextOffset: string): Promise<ProcessSlice>;
}

/** Longest stretch of a backoff wait without a heartbeat. */
const HEARTBEAT_EVERY_MS = 1000;

/**
 * This instance's ownership of one input partition, from fencing its previous owner until a
 * rebalance or a failure: the next offset to process (the partition's transactional producer
 * is held, and released, by the consumer skeleton). Any failure ends the task and the next
 * batch opens a new one from committed data.
 */
export class CancellationPartitionTask implements PartitionTask {
  private constructor(
    private readonly deps: CancellationTaskDeps,
    private readonly input: TaskInput,
    private readonly processSliceOf: ProcessSlice,
    readonly partition: number,
    private nextOffset: string,
  ) {}

  /**
   * Reads the committed offset. The consumer skeleton opens the task only after connecting the
   * partition's transactional producer, which fenced the previous owner (its open transaction
   * aborted, its later commits refused), so nobody else can move that offset any more.
   */
  static async open(
    deps: CancellationTaskDeps,
    input: TaskInput,
    partition: number,
  ): Promise<CancellationPartitionTask> {
    const { topic, groupId } = input;
    const { nextOffset } = await committedPosition(deps.admin, groupId, topic, partition);
    const processSlice = await input.processorFor(partition, nextOffset);
    deps.logger.info({ topic, partition, nextOffset }, 'partition opened');
    return new CancellationPartitionTask(deps, input, processSlice, partition, nextOffset);
  }

  /** The next input offset to process; everything before it is committed. */
  get position(): string {
    return this.nextOffset;
  }

  /**
   * Processes the records from the committed position on, in slices of at most
   * `recordsPerTransaction` records with work (records without work ride along): outbound
   * calls first, then one transaction per slice with the slice's outputs and its input offset.
   */
  async process(messages: readonly KafkaMessage[], heartbeat: Heartbeat): Promise<void> {
    const from = BigInt(this.nextOffset);
    let rest = messages.filter((message) => BigInt(message.offset) >= from);
    while (rest.length > 0) {
      const consumed = await this.processSlice(rest, heartbeat);
      rest = rest.slice(consumed);
      await heartbeat();
    }
  }

  /** Holds nothing of its own: the skeleton releases the producer after the task closes. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  /** Carries out and commits the next slice of `messages`; returns how many records it held. */
  private async processSlice(
    messages: readonly KafkaMessage[],
    heartbeat: Heartbeat,
  ): Promise<number> {
    const { deps } = this;
    const { settings, metrics } = deps;
    const { topic, groupId } = this.input;
    const signal = deps.process.signal;
    const { entries, consumed } = await this.processSliceOf(
      messages,
      settings.recordsPerTransaction,
      async (ms) => {
        for (let left = ms; left > 0; left -= HEARTBEAT_EVERY_MS) {
          await interruptibleSleep(Math.min(left, HEARTBEAT_EVERY_MS), signal);
          await heartbeat();
        }
      },
    );
    const outputs = buildOutputs(entries, { topic, partition: this.partition });
    const topicMessages = await outputMessages(outputs, deps.process.codecs, settings.topics);
    const nextOffset = (BigInt(messages[consumed - 1]!.offset) + 1n).toString();
    const producer = await deps.producers.forPartition(topic, this.partition);
    try {
      await commitTransaction(producer, {
        topicMessages,
        consumedOffset: {
          consumerGroupId: groupId,
          topic,
          partition: this.partition,
          nextOffset,
        },
      });
    } catch (error) {
      const fenced = isExactlyOnceError(error, 'producer_fenced');
      metrics.transactions.inc({ result: fenced ? 'fenced' : 'aborted' });
      throw error;
    }
    metrics.transactions.inc({ result: 'committed' });
    // Again after the commit: a record written before it may have been lost after a rebuild
    // had read the topic's end, and then nothing would hold this fact (ADR 0010).
    await deps.process.completed.recordCommitted(committedFacts(outputs.cancellations));
    for (const { value } of outputs.deadLetters) {
      metrics.deadLetters.inc({ code: value.errorCode });
    }
    this.nextOffset = nextOffset;
    return consumed;
  }
}
