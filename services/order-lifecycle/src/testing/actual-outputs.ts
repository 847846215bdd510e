import {
  fromAvroEvent,
  fromAvroState,
  type AvroOrderState,
  type LifecycleEvent,
  type OrderLifecycleEvent,
  type OrderState,
} from '@clawback/order-machine';
import type { AvroRegistry } from '@clawback/schema-registry';
import type { TestContext } from '@clawback/test-harness';
import type { DeadLetterValue } from '../records/lifecycle-codecs';

/** What a consumer committed, read back with read_committed. */
export interface ActualOutputs {
  /** Events per partition of the events topic, in offset order. */
  readonly events: ReadonlyMap<number, readonly LifecycleEvent[]>;
  /** The event records' value bytes, in the same order. */
  readonly eventBytes: ReadonlyMap<number, readonly Buffer[]>;
  /** Latest snapshot per order key. */
  readonly states: ReadonlyMap<string, OrderState>;
  readonly deadLetters: ReadonlyMap<string, number>;
  /** Event ids that appear more than once. */
  readonly duplicateEventIds: readonly string[];
}

/** Reads the events, state and dead-letter topics of `topics` to their current ends. */
export async function actualOutputs(
  context: Pick<TestContext, 'readAll'>,
  registry: AvroRegistry,
  topics: { readonly events: string; readonly state: string; readonly deadLetters: string },
  timeoutMs = 60_000,
): Promise<ActualOutputs> {
  const events = new Map<number, LifecycleEvent[]>();
  const eventBytes = new Map<number, Buffer[]>();
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const record of await context.readAll(topics.events, { timeoutMs })) {
    const event = fromAvroEvent(await registry.decode<OrderLifecycleEvent>(record.value!));
    if (seen.has(event.eventId)) duplicates.push(event.eventId);
    seen.add(event.eventId);
    events.set(record.partition, [...(events.get(record.partition) ?? []), event]);
    eventBytes.set(record.partition, [...(eventBytes.get(record.partition) ?? []), record.value!]);
  }
  const states = new Map<string, OrderState>();
  for (const record of await context.readAll(topics.state, { timeoutMs })) {
    states.set(
      record.key!.toString(),
      fromAvroState(await registry.decode<AvroOrderState>(record.value!)),
    );
  }
  const deadLetters = new Map<string, number>();
  for (const record of await context.readAll(topics.deadLetters, { timeoutMs })) {
    const letter = await registry.decode<DeadLetterValue>(record.value!);
    deadLetters.set(letter.errorCode, (deadLetters.get(letter.errorCode) ?? 0) + 1);
  }
  return { events, eventBytes, states, deadLetters, duplicateEventIds: duplicates };
}
