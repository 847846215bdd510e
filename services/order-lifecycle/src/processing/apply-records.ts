import { isClawbackError } from '@clawback/errors';
import {
  decide,
  orphanDeadline,
  type DecideOptions,
  type LifecycleEvent,
  type OrderState,
} from '@clawback/order-machine';
import type { LifecycleErrorCode } from '../lifecycle-error';
import type { ParkedIndex } from './parked-index';
import type { DeadLetter, PartitionRecord } from './partition-record';
import {
  applyNotification,
  oneOrder,
  type RecordContext,
  type RecordOutcome,
} from './apply-notification';
import { watermarkAfter } from './watermark';

/** What one partition's processing knows between records. */
export interface PartitionProgress {
  /**
   * The partition's provider time (epoch ms; `null` before any): the greatest provider time
   * read so far in log order, bounded by each record's `receivedAt` + skew (see
   * {@link watermarkAfter}).
   */
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
 * Each record is all or nothing: the record is dead-lettered, with no tick and no state change,
 * when it cannot be used, when its `receivedAt` is implausible, or when the machine throws a
 * non-retriable error for it or for a tick it triggers. No record stops the partition. Only a
 * retriable error is thrown (the batch is retried), which the pure machine never raises.
 */
export function applyRecords(
  start: PartitionProgress,
  records: readonly PartitionRecord[],
  options: DecideOptions,
): AppliedRecords {
  const states = new Map(start.states);
  const parked = start.parked.clone();
  /** Each changed order's state at the start (`undefined`: a new order). */
  const before = new Map<string, OrderState | undefined>();
  const events: LifecycleEvent[] = [];
  const deadLetters: DeadLetter[] = [];
  let watermark = start.watermark;

  for (const record of records) {
    if (record.kind === 'unusable') {
      deadLetters.push(deadLetter(record, record.errorCode, record.errorMessage));
      watermark = watermarkAfter(watermark, null, record.raw.receivedAt);
      continue;
    }
    const outcome = attempt(record, { watermark, states, parked }, options);
    if (outcome.kind === 'dead') {
      deadLetters.push(deadLetter(record, outcome.errorCode, outcome.errorMessage));
      watermark = watermarkAfter(watermark, null, record.raw.receivedAt);
      continue;
    }
    const { orderKeys, states: nextStates } = outcome;
    for (let i = 0; i < orderKeys.length; i += 1) {
      const orderKey = orderKeys[i]!;
      const next = nextStates[i]!;
      if (!before.has(orderKey)) before.set(orderKey, states.get(orderKey));
      states.set(orderKey, next);
      parked.set(orderKey, orphanDeadline(next, 0));
    }
    for (const event of outcome.events) events.push(event);
    watermark = outcome.watermark;
  }

  const changedOrders: string[] = [];
  for (const [orderKey, start] of before) {
    if (differs(start, states.get(orderKey))) changedOrders.push(orderKey);
  }
  return { progress: { watermark, states, parked }, events, deadLetters, changedOrders };
}

/**
 * An operator command (ADR 0014) decided on its target order. Commands carry wall-clock time,
 * so they never move the provider-time watermark and trigger no ticks.
 */
function applyCommand(
  record: Extract<PartitionRecord, { kind: 'command' }>,
  watermark: number | null,
  states: ReadonlyMap<string, OrderState>,
  options: DecideOptions,
): RecordOutcome {
  const { orderKey } = record.command;
  const decision = decide(
    states.get(orderKey),
    { type: 'operator', command: record.command },
    options,
  );
  return oneOrder(watermark, orderKey, decision);
}

/**
 * Runs one record's step; a non-retriable failure becomes the record's dead-letter outcome.
 * Anything but a retriable `ClawbackError` counts as non-retriable: the step is pure, so the
 * same record would fail the same way on every retry and hold the partition forever. (No
 * closure per record: this runs for every input record.)
 */
function attempt(
  record: Exclude<PartitionRecord, { kind: 'unusable' }>,
  context: RecordContext,
  options: DecideOptions,
): RecordOutcome {
  try {
    return record.kind === 'command'
      ? applyCommand(record, context.watermark, context.states, options)
      : applyNotification(record, context, options);
  } catch (error) {
    if (isClawbackError(error)) {
      if (error.retriable) throw error;
      return { kind: 'dead', errorCode: error.code, errorMessage: error.message };
    }
    const message = error instanceof Error ? error.message : String(error);
    const errorCode: LifecycleErrorCode = 'unprocessable_record';
    return { kind: 'dead', errorCode, errorMessage: message };
  }
}

function deadLetter(record: PartitionRecord, errorCode: string, errorMessage: string): DeadLetter {
  return { offset: record.offset, raw: record.raw, errorCode, errorMessage };
}

/**
 * Whether an order's state changed over the batch, by its serialised form. The same object,
 * or a new order, needs no serialising: only a replaced state of an existing order is
 * compared as JSON (most of a batch's orders are one or the other, and two `JSON.stringify`
 * per order were a visible share of the lifecycle's CPU).
 */
function differs(start: OrderState | undefined, end: OrderState | undefined): boolean {
  if (start === end) return false;
  if (start === undefined || end === undefined) return true;
  // `version` is part of the serialised form: another version is another state.
  if (start.version !== end.version) return true;
  return JSON.stringify(start) !== JSON.stringify(end);
}
