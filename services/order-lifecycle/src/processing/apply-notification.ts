import {
  decide,
  effectiveProviderTime,
  type DecideOptions,
  type LifecycleEvent,
  type OrderState,
} from '@clawback/order-machine';
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
 * apply it whole or dead-letter the record whole: first the plausibility of its `receivedAt`,
 * then the watermark ticks its time triggers, then the notification itself. Its time is the
 * machine's effective time (ADR 0020): the provider's when plausible, else its `receivedAt`,
 * so a verified notification with an absurd date is applied, never dead-lettered for it.
 *
 * @throws whatever the machine throws (the caller decides what is retriable).
 */
export function applyNotification(
  record: Extract<PartitionRecord, { kind: 'notification' }>,
  context: RecordContext,
  options: DecideOptions,
): RecordOutcome {
  const { notification, raw } = record;
  if (justifiedTime(raw.receivedAt) === null) {
    const errorMessage = `receivedAt ${raw.receivedAt} is outside the plausible range`;
    return { kind: 'dead', errorCode: 'implausible_received_at', errorMessage };
  }
  const receivedAt = new Date(raw.receivedAt).toISOString();

  const states = new Map<string, OrderState>();
  const stateOf = (orderKey: string): OrderState | undefined =>
    states.get(orderKey) ?? context.states.get(orderKey);
  const events: LifecycleEvent[] = [];
  const watermark = watermarkAfter(
    context.watermark,
    Date.parse(effectiveProviderTime(notification.occurredAt, raw.receivedAt)),
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
    { type: 'notification', notification, receivedAt },
    options,
  );
  events.push(...decision.events);
  states.set(notification.orderKey, decision.state);
  return { kind: 'applied', watermark, states, events };
}
