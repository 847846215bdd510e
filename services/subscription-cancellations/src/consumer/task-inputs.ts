import type { KafkaClient } from '@clawback/kafka';
import { processRecords } from '../batch/process-records';
import { processRedrives } from '../redrive/process-redrives';
import { redrivenDeadLetters } from '../redrive/redriven-dead-letters';
import type { TaskInput } from './cancellation-partition-task';
import type { CancellationTaskDeps } from './cancellation-task-deps';

/** `orders.lifecycle.events`: the cancellations lifecycle events ask for. */
export function lifecycleInput(deps: CancellationTaskDeps): TaskInput {
  return {
    topic: deps.settings.topics.lifecycleEvents,
    groupId: deps.settings.groupId,
    processorFor: () =>
      Promise.resolve((messages, workLimit, sleep) =>
        processRecords(messages, { ...deps.process, sleep }, workLimit),
      ),
  };
}

/** The consumer group of the redrive topic: its own, so the two inputs never share a group. */
export const redriveGroupId = (groupId: string): string => `${groupId}-redrive`;

/**
 * `subscriptions.cancellations.redrive` (ADR 0019): operators' redrive commands. At open the
 * task reads back which dead letters the committed commands of its partition named, so each is
 * redriven once.
 */
export function redriveInput(
  deps: CancellationTaskDeps,
  kafka: KafkaClient,
  decode: (value: Buffer) => Promise<unknown>,
): TaskInput {
  const { settings } = deps;
  const topic = settings.topics.cancellationsRedrive;
  const groupId = redriveGroupId(settings.groupId);
  return {
    topic,
    groupId,
    processorFor: async (partition, nextOffset) => {
      const redriven = await redrivenDeadLetters({
        kafka,
        topic,
        partition,
        toOffset: nextOffset,
        decode,
        groupIdPrefix: `${groupId}-read`,
        timeoutMs: settings.rebuildTimeoutMs,
      });
      // Every command is work: a slice is the next `workLimit` records.
      return async (messages, workLimit, sleep) => {
        const slice = messages.slice(0, workLimit);
        const entries = await processRedrives(slice, { ...deps.process, decode, redriven, sleep });
        return { entries, consumed: slice.length };
      };
    },
  };
}
