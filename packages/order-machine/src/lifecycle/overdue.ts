import type { CanonicalNotification } from '@clawback/notifications';
import { deriveEvent, type Outcome } from '../events/derive-events';
import { draftOf } from '../state/order-draft';
import type { OrderState } from '../state/order-state';

/** True when `parked` has waited for its sale for the whole horizon. */
function isOverdue(parked: CanonicalNotification, watermarkMs: number, horizonMs: number): boolean {
  return Date.parse(parked.occurredAt) + horizonMs <= watermarkMs;
}

/**
 * Reports, once each and in arrival order, the parked notifications whose provider time is at
 * least `horizonMs` before the watermark. Lateness alone never rejects a money fact: a reported
 * notification stays parked and is applied, in order, if its sale arrives later (or resolved
 * by an operator). The event id is `{notificationId}#overdue`, apart from the `#0…` ids the
 * notification's own events get when it is applied.
 */
export function reportOverdue(state: OrderState, watermarkMs: number, horizonMs: number): Outcome {
  return state.parked
    .filter(
      (p) =>
        isOverdue(p, watermarkMs, horizonMs) &&
        !state.overdueNotificationIds.includes(p.notificationId),
    )
    .reduce<Outcome>(
      (acc, parked) => {
        const reported = draftOf(acc.state);
        reported.overdueNotificationIds = [
          ...acc.state.overdueNotificationIds,
          parked.notificationId,
        ];
        const next = deriveEvent(reported, parked, {
          type: 'NotificationOverdue',
          currency: parked.currency,
          detail: `no sale arrived within ${horizonMs} ms of provider time; still parked`,
          notificationKind: parked.kind,
          amount: parked.amount,
        });
        const events = next.events.map((event) => ({
          ...event,
          eventId: `${parked.notificationId}#overdue`,
        }));
        return { state: next.state, events: [...acc.events, ...events] };
      },
      { state, events: [] },
    );
}
