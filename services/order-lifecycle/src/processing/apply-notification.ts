import {
  decide,
  effectiveProviderTime,
  type DecideOptions,
  type LifecycleEvent,
  type OrderState,
} from '@clawback/order-machine';
import type { ParkedIndex } from './parked-index';
import type { NotificationRecord } from './partition-record';
import { watermarkAfter } from './watermark';

/** What one notification record does: everything it changes, or why it is a dead letter. */
export type RecordOutcome =
  | {
      readonly kind: 'applied';
      readonly watermark: number | null;
      /**
       * The orders it changed (ticked ones first), each with its new state at the same index
       * in `states`. An order ticked and then notified appears twice: the later state wins.
       */
      readonly orderKeys: readonly string[];
      readonly states: readonly OrderState[];
      readonly events: readonly LifecycleEvent[];
    }
  | { readonly kind: 'dead'; readonly errorCode: string; readonly errorMessage: string };

/** The outcome of a record that changed one order, by one decision (its events as they are). */
export function oneOrder(
  watermark: number | null,
  orderKey: string,
  decision: { readonly state: OrderState; readonly events: readonly LifecycleEvent[] },
): RecordOutcome {
  const { state, events } = decision;
  return { kind: 'applied', watermark, orderKeys: [orderKey], states: [state], events };
}

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
  record: NotificationRecord,
  context: RecordContext,
  options: DecideOptions,
): RecordOutcome {
  const { notification, raw, receivedAt } = record;
  if (receivedAt === null) {
    const errorMessage = `receivedAt ${raw.receivedAt} is outside the plausible range`;
    return { kind: 'dead', errorCode: 'implausible_received_at', errorMessage };
  }
  const watermark = watermarkAfter(context.watermark, effectiveTimeMs(record), raw.receivedAt);
  const input = { type: 'notification', notification, receivedAt } as const;
  const { orderKey } = notification;
  const ticked =
    watermark !== null && (context.watermark === null || watermark > context.watermark)
      ? context.parked.dueAt(watermark - options.orphanHorizonMs)
      : [];
  if (ticked.length === 0) {
    // The common case: one order, one decision; no map or copies of its events.
    return oneOrder(watermark, orderKey, decide(context.states.get(orderKey), input, options));
  }
  const changed = new Map<string, OrderState>();
  const stateOf = (key: string): OrderState | undefined =>
    changed.get(key) ?? context.states.get(key);
  const orderKeys: string[] = [];
  const states: OrderState[] = [];
  const events: LifecycleEvent[] = [];
  const tick = { type: 'watermark', watermark: new Date(watermark!).toISOString() } as const;
  for (const key of [...ticked, orderKey]) {
    const decision = decide(stateOf(key), key === orderKey ? input : tick, options);
    for (const event of decision.events) events.push(event);
    changed.set(key, decision.state);
    orderKeys.push(key);
    states.push(decision.state);
  }
  return { kind: 'applied', watermark, orderKeys, states, events };
}

/**
 * The epoch ms of the machine's effective time for the record. It is the provider's time
 * whenever that is plausible, whose parse the record already holds; only an implausible one
 * (placed at `receivedAt`) is parsed again.
 */
function effectiveTimeMs(record: NotificationRecord): number {
  const { notification, raw, occurredAtMs } = record;
  const effective = effectiveProviderTime(notification.occurredAt, raw.receivedAt);
  return effective === notification.occurredAt ? occurredAtMs : Date.parse(effective);
}
