import type { CanonicalNotification } from '@clawback/notifications';
import type { OrderDraft } from '../state/order-draft';
import type { OrderState } from '../state/order-state';
import type { LifecycleEvent, LifecycleEventBase } from './lifecycle-event';
import { providerTimeWarningOf } from '../rules/provider-time';
import { normalizedTime } from './normalized-time';

/** The fields that differ per event: what an applier writes. Header fields are added here. */
export type EventBody = LifecycleEvent extends infer E
  ? E extends LifecycleEvent
    ? Omit<E, Exclude<keyof LifecycleEventBase<string>, 'type' | 'currency'>>
    : never
  : never;

/** A state change and the events it derived, in order. */
export interface Outcome {
  readonly state: OrderState;
  readonly events: readonly LifecycleEvent[];
}

/**
 * Appends the event `cause` derived to `state`: its `sequence` is the order's next version and
 * its `eventId` `{notificationId}#0`, and it is laid out with one fixed key order (header
 * first, then a provider-time warning if any, then the body's own order) so equal inputs
 * serialize to equal bytes. The draft's `version` is advanced in place and the draft returned
 * as the new state. (Every applier derives one event; `#0` keeps the ids events always had.)
 */
export function deriveEvent(
  state: OrderDraft,
  cause: CanonicalNotification,
  body: EventBody,
): Outcome {
  const timeWarning = providerTimeWarningOf(cause);
  const event: Record<string, unknown> = {
    eventId: `${cause.notificationId}#0`,
    type: body.type,
    orderKey: state.orderKey,
    provider: state.provider,
    merchantId: state.merchantId,
    orderRef: state.orderRef,
    sequence: state.version + 1,
    occurredAt: normalizedTime(cause.occurredAt),
    causationId: cause.notificationId,
    currency: body.currency,
  };
  // Only when the provider's time was not used (ADR 0020): other events keep their old bytes.
  if (timeWarning !== undefined) event.providerTimeWarning = timeWarning;
  // The body's own fields after the header, in the body's order: `type` and `currency` are
  // already keys of the header (overwritten in place with the same values), every other key
  // is appended in the body's own order. One builtin call instead of a keyed store per field.
  Object.assign(event, body);
  state.version += 1;
  return { state, events: [event as unknown as LifecycleEvent] };
}
