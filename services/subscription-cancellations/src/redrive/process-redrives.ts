import { isRetriable } from '@clawback/errors';
import type { KafkaMessage } from '@clawback/kafka';
import type { BatchEntry } from '../batch/build-outputs';
import type { ProcessDeps } from '../batch/process-records';
import { CancellationError } from '../cancellation-error';
import { deliverCancellation } from '../delivery/deliver-cancellation';
import { planRedrive, type RedrivePlan } from './plan-redrive';
import { type AvroRedriveCommand, fromAvroRedrive, type RedriveCommand } from './redrive-command';

/** What {@link processRedrives} needs beyond the lifecycle input's dependencies. */
export interface RedriveDeps extends Omit<ProcessDeps, 'codecs' | 'callConcurrency'> {
  /** Decodes a Confluent-framed Avro value (the registry). */
  readonly decode: (value: Buffer) => Promise<unknown>;
  /** Dead letters redriven by the partition's committed commands; this slice's are added. */
  readonly redriven: Set<string>;
  readonly onPlanned?: (plan: RedrivePlan, command: RedriveCommand) => void;
}

/** One record of the redrive topic, read. */
async function readCommand(
  message: KafkaMessage,
  decode: RedriveDeps['decode'],
): Promise<RedriveCommand | CancellationError | null> {
  if (message.value === null) return null;
  try {
    return fromAvroRedrive((await decode(message.value)) as AvroRedriveCommand);
  } catch (error) {
    if (isRetriable(error)) throw error; // the registry is away: the slice is redone
    if (error instanceof CancellationError) return error;
    const reason = error instanceof Error ? error.message : String(error);
    return new CancellationError('redrive_command_invalid', reason, { cause: error });
  }
}

/**
 * Reads a slice of redrive commands and carries out the ones {@link planRedrive} lets through,
 * one after another (operators write few), through the same delivery as a first attempt: a
 * subscription the completed record shows cancelled is not called again. Returns what each
 * record produced, in input order, for `buildOutputs`.
 */
export async function processRedrives(
  messages: readonly KafkaMessage[],
  deps: RedriveDeps,
): Promise<readonly BatchEntry[]> {
  const entries: BatchEntry[] = [];
  for (const message of messages) {
    const command = await readCommand(message, deps.decode);
    if (command === null) continue;
    if (command instanceof CancellationError) {
      const { offset, key, value } = message;
      entries.push({ kind: 'undecodable', offset, key, value: value!, error: command });
      continue;
    }
    const plan = planRedrive(
      command,
      deps.merchants.get(command.request.merchantId),
      deps.redriven,
    );
    deps.onPlanned?.(plan, command);
    if (plan.kind === 'ignore') continue;
    deps.redriven.add(command.origin.deadLetterId);
    const { request } = plan;
    const outcome = await deliverCancellation(request, {
      adapter: deps.adapterFor(request.merchantId),
      completed: deps.completed,
      retry: deps.retry,
      signal: deps.signal,
      now: deps.now,
      ...(deps.random && { random: deps.random }),
      sleep: deps.sleep,
      onRetry: (error, attempt, waitMs) =>
        deps.observer?.retrying?.(request, error, attempt, waitMs),
    });
    deps.observer?.delivered?.(request, outcome);
    entries.push({
      kind: 'delivered',
      offset: message.offset,
      eventId: `redrive:${command.origin.deadLetterId}`,
      delivered: [{ request, outcome }],
    });
  }
  return entries;
}
