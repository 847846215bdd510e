import {
  decide,
  type DecideOptions,
  type LifecycleEvent,
  type OrderState,
} from '@clawback/order-machine';
import { providerTimeProblem } from '@clawback/providers';
import type { ParkedIndex } from './parked-index';
import type { PartitionRecord } from './partition-record';
import { justifiedTime, watermarkAfter } from './watermark';

/** What one notification record does: everything it changes, or why it is a dead letter. */
export type RecordOutcome =
  | {
      readonly kind: 'applied';
      readonly watermark: number | null;
      /** The orders it changed (ticked ones first), each with its new state. */
      readonly states: ReadonlyMap<string, OrderState>;
      readonly events: readonly LifecycleEvent[];
    }
  | { readonly kind: 'dead'; readonly errorCode: string; readonly errorMessage: string };

/** The partition as one record finds it; nothing here is modified. */
export interface RecordContext {
  readonly watermark: number | null;
  readonly states: ReadonlyMap<string, OrderState>;
  readonly parked: ParkedIndex;
}

/**
 * One notification record's step, computed without touching `context`, so the caller can
 * apply it whole or dead-letter the record whole: first the plausibility of its provider time,
 * then the watermark ticks its time triggers, then the notification itself.
 *
 * @throws whatever the machine throws (the caller decides what is retriable).
 */
export function applyNotification(
  record: Extract<PartitionRecord, { kind: 'notification' }>,
  context: RecordContext,
  options: DecideOptions,
): RecordOutcome {
  const { notification, raw } = record;
  const dead = implausibility(notification.occurredAt, raw.receivedAt);
  if (dead !== undefined) return dead;

  const states = new Map<string, OrderState>();
  const stateOf = (orderKey: string): OrderState | undefined =>
    states.get(orderKey) ?? context.states.get(orderKey);
  const events: LifecycleEvent[] = [];
  const watermark = watermarkAfter(
    context.watermark,
    Date.parse(notification.occurredAt),
    raw.receivedAt,
  );
  if (watermark !== null && (context.watermark === null || watermark > context.watermark)) {
    const tick = { type: 'watermark', watermark: new Date(watermark).toISOString() } as const;
    for (const orderKey of context.parked.dueAt(watermark - options.orphanHorizonMs)) {
      const decision = decide(stateOf(orderKey), tick, options);
      events.push(...decision.events);
      states.set(orderKey, decision.state);
    }
  }
  const decision = decide(
    stateOf(notification.orderKey),
    { type: 'notification', notification },
    options,
  );
  events.push(...decision.events);
  states.set(notification.orderKey, decision.state);
  return { kind: 'applied', watermark, states, events };
}

/** The dead-letter outcome of a record whose times cannot be placed, if they cannot. */
function implausibility(occurredAt: string, receivedAtMs: number): RecordOutcome | undefined {
  if (justifiedTime(receivedAtMs) === null) {
    const errorMessage = `receivedAt ${receivedAtMs} is outside the plausible range`;
    return { kind: 'dead', errorCode: 'implausible_received_at', errorMessage };
  }
  const problem = providerTimeProblem(occurredAt, receivedAtMs);
  return problem === undefined
    ? undefined
    : { kind: 'dead', errorCode: 'implausible_provider_time', errorMessage: problem };
}
