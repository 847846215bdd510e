import { isClawbackError } from '@clawback/errors';
import {
  decide,
  orphanDeadline,
  type DecideOptions,
  type LifecycleEvent,
  type OrderState,
} from '@clawback/order-machine';
import type { ParkedIndex } from './parked-index';
import type { DeadLetter, PartitionRecord } from './partition-record';

/** What one partition's processing knows between records. */
export interface PartitionProgress {
  /** Greatest provider time (epoch ms) read so far in log order; `null` before any. */
  readonly watermark: number | null;
  /**
   * Latest state of every order this step may touch: the orders of the records, and the
   * parked orders the records' provider times can expire. An absent order is a new order.
   */
  readonly states: ReadonlyMap<string, OrderState>;
  readonly parked: ParkedIndex;
}

/** What applying records produced. */
export interface AppliedRecords {
  readonly progress: PartitionProgress;
  /** Derived events in the order they happened. */
  readonly events: readonly LifecycleEvent[];
  readonly deadLetters: readonly DeadLetter[];
  /** Orders whose state differs from the start, in the order they first changed. */
  readonly changedOrders: readonly string[];
}

/**
 * The pure core of the consumer: applies one partition's records, in log order, to the order
 * states. Before each notification whose provider time moves the watermark forward, every
 * parked order that the new watermark expires gets a watermark tick (oldest first, then by
 * order key). Because ticks depend only on the records before them, never on how the log was
 * cut into batches, any batching (and any crash and restart in between) yields the same
 * events, and so does a replay.
 *
 * Records that cannot be used, and notifications the machine refuses to place, become dead
 * letters; they never stop the partition.
 */
export function applyRecords(
  start: PartitionProgress,
  records: readonly PartitionRecord[],
  options: DecideOptions,
): AppliedRecords {
  const states = new Map(start.states);
  const parked = start.parked.clone();
  const before = new Map<string, string | undefined>();
  const events: LifecycleEvent[] = [];
  const deadLetters: DeadLetter[] = [];
  let watermark = start.watermark;

  const update = (orderKey: string, next: OrderState): void => {
    if (!before.has(orderKey)) before.set(orderKey, serialized(states.get(orderKey)));
    states.set(orderKey, next);
    parked.set(orderKey, orphanDeadline(next, 0));
  };

  const decideCommand = (record: PartitionRecord & { kind: 'command' }): void => {
    try {
      const { orderKey } = record.command;
      const decision = decide(
        states.get(orderKey),
        { type: 'operator', command: record.command },
        options,
      );
      events.push(...decision.events);
      update(orderKey, decision.state);
    } catch (error) {
      if (!isClawbackError(error)) throw error;
      deadLetters.push(deadLetter(record, error.code, error.message));
    }
  };

  for (const record of records) {
    if (record.kind === 'unusable') {
      deadLetters.push(deadLetter(record, record.errorCode, record.errorMessage));
      continue;
    }
    if (record.kind === 'command') {
      // Commands carry wall-clock time: they never move the provider-time watermark.
      decideCommand(record);
      continue;
    }
    const { notification } = record;
    const at = Date.parse(notification.occurredAt);
    if (Number.isFinite(at) && (watermark === null || at > watermark)) {
      watermark = at;
      const tick = { type: 'watermark', watermark: new Date(at).toISOString() } as const;
      for (const orderKey of parked.dueAt(at - options.orphanHorizonMs)) {
        const decision = decide(states.get(orderKey), tick, options);
        events.push(...decision.events);
        update(orderKey, decision.state);
      }
    }
    try {
      const decision = decide(
        states.get(notification.orderKey),
        { type: 'notification', notification },
        options,
      );
      events.push(...decision.events);
      update(notification.orderKey, decision.state);
    } catch (error) {
      if (!isClawbackError(error)) throw error;
      deadLetters.push(deadLetter(record, error.code, error.message));
    }
  }

  const changedOrders = [...before]
    .filter(([orderKey, json]) => serialized(states.get(orderKey)) !== json)
    .map(([orderKey]) => orderKey);
  return { progress: { watermark, states, parked }, events, deadLetters, changedOrders };
}

function deadLetter(record: PartitionRecord, errorCode: string, errorMessage: string): DeadLetter {
  return { offset: record.offset, raw: record.raw, errorCode, errorMessage };
}

function serialized(state: OrderState | undefined): string | undefined {
  return state === undefined ? undefined : JSON.stringify(state);
}
